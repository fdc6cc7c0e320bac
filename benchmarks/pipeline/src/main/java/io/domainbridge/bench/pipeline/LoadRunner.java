package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.outbox.OutboxEvent;
import io.domainbridge.testkit.scenarios.Percentiles;
import io.domainbridge.testkit.scenarios.ScenarioDriver;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the scenario's commands at a fixed rate through {@link ScenarioDriver#runLoad}, on one or more connections of
 * the source domain, records each event's commit
 * in the {@link LatencyLedger}, waits for the consumers to drain the backlog, and sums the step up.
 */
final class LoadRunner {

    private final ScenarioDriver driver;
    private final LatencyLedger ledger;
    private final Duration drainLimit;
    private final int connections;
    private long baselineP50;

    LoadRunner(ScenarioDriver driver, LatencyLedger ledger, Duration drainLimit, int connections) {
        this.driver = driver;
        this.ledger = ledger;
        this.drainLimit = drainLimit;
        this.connections = connections;
    }

    /** The median latency (µs) of a light load, against which later steps are judged. */
    void baseline(long p50Micros) {
        baselineP50 = p50Micros;
    }

    /**
     * Offers {@code rate} commands/s for {@code warmUp} plus {@code measured}; latencies count only for events
     * committed after the warm-up.
     */
    StepResult run(int rate, Duration warmUp, Duration measured, long seed) throws SQLException {
        long eventsBefore = ledger.events();
        long start = System.nanoTime();
        int commands = driver.runLoad(rate, warmUp.plus(measured), seed, connections, (index, command, committedAt) -> {
            long now = System.nanoTime();
            for (OutboxEvent event : command.events()) {
                ledger.committed(event, now);
            }
        });
        long end = System.nanoTime();
        long backlog = ledger.backlog();
        double drain = awaitDrained(end);
        long events = ledger.events() - eventsBefore;
        double seconds = (end - start) / 1e9;
        long windowStart = start + warmUp.toNanos();
        List<LatencyLedger.Sample> window = ledger.samples(windowStart, end);
        long third = (end - windowStart) / 3;
        return new StepResult(
                rate,
                seconds,
                commands,
                events,
                events / seconds,
                micros(window),
                byConsumer(window),
                micros(ledger.samples(windowStart, windowStart + third)).at(50),
                micros(ledger.samples(end - third, end)).at(50),
                backlog,
                drain,
                baselineP50);
    }

    private double awaitDrained(long loadEnd) {
        long deadline = loadEnd + drainLimit.toNanos();
        while (ledger.backlog() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
        return ledger.backlog() > 0 ? -1 : (System.nanoTime() - loadEnd) / 1e9;
    }

    private static Map<String, Percentiles> byConsumer(List<LatencyLedger.Sample> samples) {
        Map<String, List<LatencyLedger.Sample>> grouped = new LinkedHashMap<>();
        samples.stream()
                .sorted(Comparator.comparing(LatencyLedger.Sample::consumer))
                .forEach(s -> grouped.computeIfAbsent(s.consumer(), c -> new ArrayList<>())
                        .add(s));
        Map<String, Percentiles> result = new LinkedHashMap<>();
        grouped.forEach((consumer, list) -> result.put(consumer, micros(list)));
        return result;
    }

    private static Percentiles micros(List<LatencyLedger.Sample> samples) {
        return Percentiles.of(
                samples.stream().map(s -> s.latencyNanos() / 1_000).toList());
    }
}
