package io.domainbridge.connectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** A sink task context that remembers seeks, timeouts and reported records. */
class FakeSinkTaskContext implements SinkTaskContext {

    final Map<TopicPartition, Long> seeks = new HashMap<>();
    final List<SinkRecord> reported = new ArrayList<>();
    final List<Throwable> reportedCauses = new ArrayList<>();
    long timeoutMs = -1;
    /** The worker's metrics registry; none, as a context of a test harness or an older worker offers. */
    org.apache.kafka.common.metrics.PluginMetrics pluginMetrics;

    private final boolean withReporter;

    FakeSinkTaskContext(boolean withReporter) {
        this.withReporter = withReporter;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        seeks.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
        seeks.put(tp, offset);
    }

    /** The seeks asked for since the last call, as Connect's worker takes them before its next poll. */
    Map<TopicPartition, Long> takeSeeks() {
        Map<TopicPartition, Long> taken = new HashMap<>(seeks);
        seeks.clear();
        return taken;
    }

    @Override
    public void timeout(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {}

    @Override
    public void resume(TopicPartition... partitions) {}

    @Override
    public void requestCommit() {}

    @Override
    public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
        return pluginMetrics;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        if (!withReporter) {
            return null;
        }
        return (record, error) -> {
            reported.add(record);
            reportedCauses.add(error);
            return CompletableFuture.completedFuture(null);
        };
    }
}
