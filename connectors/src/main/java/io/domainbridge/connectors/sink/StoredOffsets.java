package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The task's view of the offsets stored in the database: which assigned partitions still wait for theirs (the
 * database was unreachable when they were assigned), where each partition resumes, and what Connect may commit.
 *
 * <p>A partition whose stored offset is read while records of it are already delivered needs a rewind only when the
 * first of them lies beyond the stored offset: then the records in between were never applied. Only such a
 * partition's records are held back; those of every other partition are applied in the same {@code put()}.
 */
public final class StoredOffsets {

    /**
     * What to do with one batch: the records to apply, and the seeks to ask for once they are committed.
     *
     * @param read the partitions whose stored offsets this plan read
     * @param resume the next offset of each read partition that has one
     */
    public record Plan(
            List<SinkRecord> toApply,
            Map<TopicPartition, Long> seeks,
            Set<TopicPartition> read,
            Map<TopicPartition, Long> resume) {}

    private final OffsetsTable table;
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Set<TopicPartition> unread = new HashSet<>();

    public StoredOffsets(OffsetsTable table) {
        this.table = table;
    }

    public void assigned(Collection<TopicPartition> partitions) {
        unread.addAll(partitions);
    }

    public void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(committed::remove);
        unread.removeAll(partitions);
    }

    public int waiting() {
        return unread.size();
    }

    /**
     * Plans a batch, reading the stored offsets of the partitions that wait for them (in the caller's transaction).
     * Nothing changes here: {@link #accept} takes the plan over once the batch is committed, so a batch that fails
     * and comes again is planned again from the same state.
     */
    public Plan plan(Connection connection, Collection<SinkRecord> records) throws SQLException {
        Set<TopicPartition> read = Set.copyOf(unread);
        Map<TopicPartition, Long> stored = read.isEmpty() ? Map.of() : table.read(connection);
        Map<TopicPartition, Long> firstDelivered = firstOffsets(records);
        Map<TopicPartition, Long> resume = new HashMap<>();
        Map<TopicPartition, Long> seeks = new HashMap<>();
        for (TopicPartition partition : read) {
            Long next = stored.get(partition);
            if (next == null) {
                continue;
            }
            resume.put(partition, next);
            Long first = firstDelivered.get(partition);
            if (first == null || first > next) {
                seeks.put(partition, next);
            }
        }
        Map<TopicPartition, Long> applyFrom = new HashMap<>(committed);
        applyFrom.putAll(resume);
        List<SinkRecord> toApply = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            TopicPartition partition = partitionOf(record);
            Long next = applyFrom.get(partition);
            // below the stored offset: applied before (replicated rows have no event id the inbox could catch)
            if (!seeks.containsKey(partition) && (next == null || record.originalKafkaOffset() >= next)) {
                toApply.add(record);
            }
        }
        return new Plan(toApply, seeks, read, resume);
    }

    /** Takes over a plan whose batch is committed, with the next offsets that batch stored. */
    public void accept(Plan plan, Map<TopicPartition, Long> applied) {
        unread.removeAll(plan.read());
        committed.putAll(plan.resume());
        committed.putAll(applied);
    }

    /** The offsets Connect may commit: only what the database holds, for the partitions Connect asks about. */
    public Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> safe = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long next = committed.get(partition);
            if (next != null) {
                safe.put(partition, new OffsetAndMetadata(next));
            }
        }
        return safe;
    }

    public void clear() {
        committed.clear();
        unread.clear();
    }

    private static Map<TopicPartition, Long> firstOffsets(Collection<SinkRecord> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (SinkRecord record : records) {
            first.merge(partitionOf(record), record.originalKafkaOffset(), Math::min);
        }
        return first;
    }

    private static TopicPartition partitionOf(SinkRecord record) {
        return new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
    }
}
