package io.domainbridge.testkit.rig;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every log event of this JVM, which hosts the embedded Connect workers, rendered as a line with its exception, its
 * thread and its context data, and checked for secrets as it is logged. Loggers log at INFO at least, and the given
 * packages at their given level; the console keeps showing only warnings. {@link #close()} restores the logging.
 */
public final class LogCapture implements AutoCloseable {

    private static final int CONTEXT_CHARS = 160;

    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final Map<String, Level> previousLevels = new HashMap<>();
    private final List<String> addedLoggers = new ArrayList<>();
    private final Map<Appender, Level> previousRootAppenders = new HashMap<>();
    private final Set<String> secrets;
    private final Set<String> watched;
    private final AtomicLong events = new AtomicLong();
    private final Queue<String> leaks = new ConcurrentLinkedQueue<>();
    private final Queue<String> watchedLines = new ConcurrentLinkedQueue<>();
    private final Appender appender = new AbstractAppender("log-capture", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
            inspect(event);
        }
    };

    private LogCapture(Set<String> secrets, Set<String> watched) {
        this.secrets = Set.copyOf(secrets);
        this.watched = Set.copyOf(watched);
    }

    /**
     * Starts capturing: every line containing one of {@code secrets} is a leak; lines containing one of
     * {@code watched} are kept, so a test can show that what it looks for was logged at all.
     */
    public static LogCapture start(Set<String> secrets, Set<String> watched, Map<String, Level> verbose) {
        LogCapture capture = new LogCapture(secrets, watched);
        capture.attach(verbose);
        return capture;
    }

    private void attach(Map<String, Level> verbose) {
        Configuration config = context.getConfiguration();
        appender.start();
        config.addAppender(appender);
        LoggerConfig root = config.getRootLogger();
        root.getAppenderRefs()
                .forEach(ref -> previousRootAppenders.put(
                        config.getAppender(ref.getRef()), ref.getLevel() == null ? Level.ALL : ref.getLevel()));
        previousRootAppenders.keySet().forEach(existing -> {
            root.removeAppender(existing.getName());
            root.addAppender(existing, mostSevere(root.getLevel(), Level.WARN), null);
        });
        root.addAppender(appender, Level.ALL, null);
        previousLevels.put(root.getName(), root.getLevel());
        root.setLevel(leastSevere(root.getLevel(), Level.INFO));
        config.getLoggers().values().forEach(logger -> {
            previousLevels.putIfAbsent(logger.getName(), logger.getLevel());
            logger.setLevel(leastSevere(logger.getLevel(), levelFor(logger.getName(), verbose)));
        });
        verbose.forEach((name, level) -> {
            if (!config.getLoggers().containsKey(name)) {
                config.addLogger(name, new LoggerConfig(name, level, true));
                addedLoggers.add(name);
            }
        });
        context.updateLoggers();
    }

    private static Level levelFor(String logger, Map<String, Level> verbose) {
        return verbose.entrySet().stream()
                .filter(e -> logger.equals(e.getKey()) || logger.startsWith(e.getKey() + "."))
                .map(Map.Entry::getValue)
                .reduce(Level.INFO, LogCapture::leastSevere);
    }

    private static Level leastSevere(Level a, Level b) {
        return a.isLessSpecificThan(b) ? a : b;
    }

    private static Level mostSevere(Level a, Level b) {
        return a.isMoreSpecificThan(b) ? a : b;
    }

    private void inspect(LogEvent event) {
        events.incrementAndGet();
        String line = render(event);
        for (String secret : secrets) {
            int at = line.indexOf(secret);
            if (at >= 0) {
                leaks.add(event.getLoggerName() + ": …" + excerpt(line, at, secret) + "…");
            }
        }
        if (watched.stream().anyMatch(line::contains)) {
            watchedLines.add(line);
        }
    }

    private static String render(LogEvent event) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.print(event.getLevel() + " [" + event.getThreadName() + "] " + event.getLoggerName() + " "
                + event.getContextData() + " - " + event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            out.println();
            event.getThrown().printStackTrace(out);
        }
        out.flush();
        return text.toString();
    }

    /** The text around the secret, with the secret itself replaced, so a failure does not print it either. */
    private static String excerpt(String line, int at, String secret) {
        int from = Math.max(0, at - CONTEXT_CHARS);
        int to = Math.min(line.length(), at + secret.length() + CONTEXT_CHARS);
        return line.substring(from, to).replace(secret, "<secret>");
    }

    /** How many events were captured. */
    public long events() {
        return events.get();
    }

    /** The captured lines that contained a secret, each with the secret replaced by {@code <secret>}. */
    public List<String> leaks() {
        return List.copyOf(leaks);
    }

    /** The captured lines that contained one of the watched words. */
    public List<String> watchedLines() {
        return List.copyOf(watchedLines);
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        root.removeAppender(appender.getName());
        previousRootAppenders.forEach((existing, level) -> {
            root.removeAppender(existing.getName());
            root.addAppender(existing, level, null);
        });
        previousLevels.forEach((name, level) -> config.getLoggerConfig(name).setLevel(level));
        addedLoggers.forEach(config::removeLogger);
        context.updateLoggers();
        appender.stop();
    }
}
