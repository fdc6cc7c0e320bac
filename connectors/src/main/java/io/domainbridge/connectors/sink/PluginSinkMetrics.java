package io.domainbridge.connectors.sink;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.utils.Time;

/**
 * The sink's metrics in the worker's registry (KIP-877). The worker tags them with connector and task; the
 * per-mapping ones carry a {@code mapping} tag as well. Sensors are made once per task and mapping, so a batch costs
 * one map look-up per mapping it touched.
 */
public final class PluginSinkMetrics implements SinkMetrics {

    public static final String MAPPING_TAG = "mapping";

    private record MappingSensors(Sensor applied, Sensor deadLettered, Sensor zeroRows) {}

    private final PluginMetrics metrics;
    private final Time time;
    private final String sensorPrefix;
    private final Map<String, MappingSensors> mappings = new HashMap<>();
    private final Sensor batches;
    private final Sensor latency;
    private final Sensor retries;
    private final Sensor duplicates;
    private final Sensor unmapped;
    private final long startedMs;
    private volatile long lastCommitMs = -1;

    private PluginSinkMetrics(PluginMetrics metrics, Time time) {
        this.metrics = metrics;
        this.time = time;
        this.startedMs = time.milliseconds();
        // sensor names are global to the worker: the task's own tags make them unique
        this.sensorPrefix =
                "domainbridge-sink" + name("batch-total", "", Map.of()).tags() + ":";
        // first: the one registration that fails when a task of the same id still holds its metrics
        metrics.addMetric(
                name("time-since-last-commit-ms", "Ms since the last commit, or since the task started", Map.of()),
                (Gauge<Long>) (config, now) -> now - (lastCommitMs < 0 ? startedMs : lastCommitMs));
        batches = sensor("batches");
        batches.add(
                name("batch-total", "Transactions that applied a batch and committed", Map.of()),
                new CumulativeCount());
        batches.add(name("batch-size-avg", "Average records per committed batch", Map.of()), new Avg());
        batches.add(name("batch-size-max", "Most records in one committed batch", Map.of()), new Max());
        latency = sensor("latency");
        latency.add(
                name("apply-commit-latency-avg", "Average ms from applying a batch to its commit", Map.of()),
                new Avg());
        latency.add(
                name("apply-commit-latency-max", "Longest ms from applying a batch to its commit", Map.of()),
                new Max());
        retries = counter("retries", "retry-total", "Batches redelivered after a transient database error", Map.of());
        duplicates = counter("duplicates", "duplicate-skipped-total", "Events skipped, already in the inbox", Map.of());
        unmapped = counter(
                "unmapped",
                "unmapped-dead-lettered-total",
                "Records no mapping took, sent to the dead-letter queue",
                Map.of());
    }

    /** Registers the sink's metrics for the given mappings. */
    public static PluginSinkMetrics register(PluginMetrics metrics, List<Mapping> mappings, Time time) {
        PluginSinkMetrics sink = new PluginSinkMetrics(metrics, time);
        for (Mapping mapping : mappings) {
            sink.addMapping(mapping.alias());
        }
        return sink;
    }

    private void addMapping(String alias) {
        Map<String, String> tags = Map.of(MAPPING_TAG, alias);
        mappings.put(
                alias,
                new MappingSensors(
                        counter("applied:" + alias, "applied-total", "Records applied and committed", tags),
                        counter("dead:" + alias, "dead-lettered-total", "Records sent to the dead-letter queue", tags),
                        counter(
                                "zero:" + alias,
                                "zero-row-statement-total",
                                "Statements that affected no rows",
                                tags)));
    }

    @Override
    public void committed(BatchApplier.Outcome outcome, int records, long latencyNanos) {
        long now = time.milliseconds();
        batches.record(records, now);
        latency.record(TimeUnit.NANOSECONDS.toMillis(latencyNanos), now);
        if (outcome.duplicates() > 0) {
            duplicates.record(outcome.duplicates(), now);
        }
        for (Map.Entry<String, BatchApplier.Counts> entry : outcome.perMapping().entrySet()) {
            record(entry.getKey(), entry.getValue(), now);
        }
        lastCommitMs = now;
    }

    private void record(String alias, BatchApplier.Counts counts, long now) {
        MappingSensors sensors = mappings.get(alias);
        if (sensors == null) {
            unmapped.record(counts.deadLettered(), now);
            return;
        }
        sensors.applied().record(counts.applied(), now);
        sensors.deadLettered().record(counts.deadLettered(), now);
        sensors.zeroRows().record(counts.zeroRows(), now);
    }

    @Override
    public void committedNothing() {
        lastCommitMs = time.milliseconds();
    }

    @Override
    public void retried() {
        retries.record();
    }

    private Sensor counter(String sensor, String metric, String description, Map<String, String> tags) {
        Sensor counter = sensor(sensor);
        counter.add(name(metric, description, tags), new CumulativeSum());
        return counter;
    }

    private Sensor sensor(String name) {
        return metrics.addSensor(sensorPrefix + name);
    }

    private MetricName name(String metric, String description, Map<String, String> tags) {
        return metrics.metricName(metric, description, new LinkedHashMap<>(tags));
    }
}
