package io.multistep.runner;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Configures Logback in code (found through {@code META-INF/services}): warnings and errors to
 * stderr as {@code yyyy/MM/dd HH:mm:ss LEVEL logger - message}, like the reference's Go logger
 * prefix. Replaces a {@code logback.xml}, whose XML parsing (Joran, Xerces) cost about a third of
 * the runner's cold start; stdout is never written to, so {@code render} output stays exact.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class StderrLogConfigurator extends ContextAwareBase implements Configurator {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneId.systemDefault());

    /** For the service loader. */
    public StderrLogConfigurator() {}

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LineEncoder encoder = new LineEncoder();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(appender);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** One line per event, without Logback's pattern machinery. */
    static final class LineEncoder extends EncoderBase<ILoggingEvent> {
        @Override
        public byte[] headerBytes() {
            return null;
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            StringBuilder b = new StringBuilder(128)
                    .append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp()))).append(' ')
                    .append(String.format("%-5s", event.getLevel())).append(' ')
                    .append(shortName(event.getLoggerName())).append(" - ")
                    .append(event.getFormattedMessage()).append(System.lineSeparator());
            if (event.getThrowableProxy() != null) {
                b.append("  ").append(event.getThrowableProxy().getClassName()).append(": ")
                        .append(event.getThrowableProxy().getMessage()).append(System.lineSeparator());
            }
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] footerBytes() {
            return null;
        }

        private static String shortName(String name) {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }
    }
}
