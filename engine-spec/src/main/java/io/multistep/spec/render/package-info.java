/**
 * Rendering a task file as {@code acb exec} does before YAML parsing: comment lines, version
 * detection, the alias block, values and run variables, and the two template passes of a file
 * with secrets ({@link io.multistep.spec.render.TaskRenderer}).
 */
package io.multistep.spec.render;
