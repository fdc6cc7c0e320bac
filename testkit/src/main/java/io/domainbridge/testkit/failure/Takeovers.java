package io.domainbridge.testkit.failure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Takeover times of a failure test: from losing a worker (SIGKILL or graceful stop) to the first event applied again
 * for work that worker held, as the consumer database's clock stamped it. One line per loss, one summary line.
 */
public final class Takeovers {

    /** One loss: how the worker went, which one, and how long until its work was applied again. */
    public record Takeover(String how, String workerId, Duration took) {}

    private final List<Takeover> measured = new ArrayList<>();
    private final Logger log;

    public Takeovers(Logger log) {
        this.log = log;
    }

    public void add(String how, String workerId, Duration took, String detail) {
        measured.add(new Takeover(how, workerId, took));
        log.info("Takeover after {} of {}: {} ms ({})", how, workerId, took.toMillis(), detail);
    }

    public List<Takeover> measured() {
        return List.copyOf(measured);
    }

    /** Logs {@code Takeover summary of TEST: SIGKILL 9.1 s, 8.7 s; graceful stop 3.2 s}. */
    public void logSummary(String test) {
        String summary = measured.stream()
                .collect(Collectors.groupingBy(Takeover::how, java.util.LinkedHashMap::new, Collectors.toList()))
                .entrySet()
                .stream()
                .map(e -> e.getKey() + " "
                        + e.getValue().stream()
                                .map(t -> String.format("%.1f s", t.took().toMillis() / 1000.0))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        log.info("Takeover summary of {}: {}", test, summary.isEmpty() ? "nothing measured" : summary);
    }
}
