/** Engine internals: the scheduler, step execution, event delivery and task loading. Not an API. */
package io.multistep.engine.internal;
