/**
 * The Docker runtime: DockerRuntimes builds a ContainerRuntime on a Docker engine (docker-java)
 * that runs cmd, build and push steps as the reference does, and prune removes what runs left
 * behind (PruneOptions, PruneReport).
 */
package io.multistep.docker;
