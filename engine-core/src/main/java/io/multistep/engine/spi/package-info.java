/**
 * The service-provider interfaces of the engine: {@link io.multistep.engine.spi.ContainerRuntime}
 * (where steps run) and its session, attempt and outcome types.
 */
package io.multistep.engine.spi;
