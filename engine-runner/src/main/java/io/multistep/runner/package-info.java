/**
 * The multistep command line (picocli): exec, validate, render, graph and prune, with their
 * flags, secret inputs, text and JSON output and run reports. An application, not a library:
 * nothing here is API.
 */
package io.multistep.runner;
