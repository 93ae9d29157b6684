package io.multistep.runner;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the log level: warnings only by default, the engine's debug messages with {@code --debug}. */
final class Logging {

    private Logging() {}

    static void configure(boolean debug) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        Logger ours = (Logger) LoggerFactory.getLogger("io.multistep");
        ours.setLevel(debug ? Level.DEBUG : Level.WARN);
    }
}
