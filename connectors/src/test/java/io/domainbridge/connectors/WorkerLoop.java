package io.domainbridge.connectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * What Connect's worker does around a sink task, reduced to offsets: partition logs, a consumer position per
 * partition that starts at the consumer group's offset, seeks taken before each poll, a batch kept and delivered
 * again after a {@link RetriableException}, and positions advanced past every record of a batch {@code put()}
 * accepted.
 */
final class WorkerLoop {

    private final SinkTask task;
    private final FakeSinkTaskContext context;
    private final Map<TopicPartition, List<SinkRecord>> logs = new HashMap<>();
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final int recordsPerPoll;
    private List<SinkRecord> retained;

    WorkerLoop(SinkTask task, FakeSinkTaskContext context, int recordsPerPoll) {
        this.task = task;
        this.context = context;
        this.recordsPerPoll = recordsPerPoll;
    }

    /** Appends a record to its partition's log; its offset must be the next one. */
    void append(SinkRecord record) {
        logs.computeIfAbsent(new TopicPartition(record.topic(), record.kafkaPartition()), p -> new ArrayList<>())
                .add(record);
    }

    /** Assigns the partitions at the group's offsets and lets the task open them. */
    void assign(Map<TopicPartition, Long> groupOffsets) {
        positions.putAll(groupOffsets);
        task.open(groupOffsets.keySet());
        positions.putAll(context.takeSeeks());
    }

    /** One poll: seeks, then the retained batch or up to the limit of each partition, delivered to the task. */
    void poll() {
        positions.putAll(context.takeSeeks());
        List<SinkRecord> batch = retained != null ? retained : fetch();
        try {
            task.put(new ArrayList<>(batch));
            retained = null;
            for (SinkRecord record : batch) {
                positions.put(new TopicPartition(record.topic(), record.kafkaPartition()), record.kafkaOffset() + 1);
            }
        } catch (RetriableException e) {
            retained = batch;
        }
    }

    /** Polls until every partition's position is at the end of its log and nothing waits for redelivery. */
    void drain(int maxPolls) {
        for (int i = 0; i < maxPolls && !drained(); i++) {
            poll();
        }
        positions.putAll(context.takeSeeks());
        if (!drained()) {
            throw new AssertionError("Not drained after " + maxPolls + " polls: positions " + positions);
        }
    }

    /** What the task lets the worker commit, given the positions. */
    Map<TopicPartition, OffsetAndMetadata> commit() {
        Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();
        positions.forEach((partition, offset) -> current.put(partition, new OffsetAndMetadata(offset)));
        return task.preCommit(current);
    }

    private boolean drained() {
        return retained == null
                && context.seeks.isEmpty()
                && positions.entrySet().stream()
                        .allMatch(e -> e.getValue()
                                >= logs.getOrDefault(e.getKey(), List.of()).size());
    }

    private List<SinkRecord> fetch() {
        List<SinkRecord> batch = new ArrayList<>();
        positions.forEach((partition, position) -> {
            List<SinkRecord> log = logs.getOrDefault(partition, List.of());
            for (long o = position; o < Math.min(log.size(), position + recordsPerPoll); o++) {
                batch.add(log.get((int) o));
            }
        });
        return batch;
    }
}
