/**
 * The embeddable engine: build an {@link io.multistep.engine.Engine} once, then
 * {@link io.multistep.engine.Engine#run run} or {@link io.multistep.engine.Engine#start start}
 * tasks ({@link io.multistep.engine.TaskSource}) with {@link io.multistep.engine.RunOptions};
 * observe them with a {@link io.multistep.engine.RunListener} and read the
 * {@link io.multistep.engine.RunResult}.
 */
package io.multistep.engine;
