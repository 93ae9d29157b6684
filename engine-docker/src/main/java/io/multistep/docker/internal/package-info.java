/**
 * How the Docker runtime works, not part of the API: sessions per run, container specs, build
 * contexts and .dockerignore, image build and push, registry credentials, labels and cleanup.
 * Types here may change in any release.
 */
package io.multistep.docker.internal;
