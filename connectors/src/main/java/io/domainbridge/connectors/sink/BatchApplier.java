package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Applies one {@code put()} batch inside the caller's transaction: the commands in record order, the ids of the
 * applied events into the inbox (skipping those already there), and the next offset of every partition. The caller
 * commits or rolls back.
 */
public final class BatchApplier {

    /** A record that fails on its own, with the mapping that tried it (null when none selected it). */
    public record Errant(SinkRecord record, String mapping, Exception cause) {}

    /** What a batch did; the offsets are those to store, and to hand to Connect once committed. */
    public record Outcome(int applied, int duplicates, List<Errant> errants, Map<TopicPartition, Long> offsets) {}

    private final List<SqlCommand.Set> commands;
    private final InboxTable inbox;
    private final OffsetsTable offsets;
    private final int batchSize;
    private final Dialect dialect;
    private final UnmatchedBehavior unmatched;

    public BatchApplier(
            Dialect dialect,
            List<Mapping> mappings,
            InboxTable inbox,
            OffsetsTable offsets,
            int batchSize,
            UnmatchedBehavior unmatched) {
        this.commands =
                mappings.stream().map(m -> SqlCommand.Set.of(m, dialect)).toList();
        this.inbox = inbox;
        this.offsets = offsets;
        this.batchSize = batchSize;
        this.dialect = dialect;
        this.unmatched = unmatched;
    }

    /**
     * Applies the records. Batched, a record that fails on its own fails the whole call with its SQLException;
     * isolated, each record runs alone behind a savepoint, and such a record becomes an {@link Errant}.
     */
    public Outcome apply(Connection connection, List<SinkRecord> records, boolean isolated) throws SQLException {
        Run run = new Run(connection, isolated);
        List<IncomingRecord> incoming = run.read(records);
        Set<String> seen = new HashSet<>(inbox.applied(
                connection,
                incoming.stream()
                        .filter(IncomingRecord::carriesEventId)
                        .map(IncomingRecord::eventId)
                        .toList()));
        try (CommandBuffer buffer = new CommandBuffer(connection, isolated ? 1 : batchSize, dialect)) {
            for (IncomingRecord record : incoming) {
                if (!record.carriesEventId() || seen.add(record.eventId())) {
                    run.apply(record, buffer);
                } else {
                    run.duplicates++;
                }
            }
            buffer.flush();
        }
        inbox.record(connection, run.appliedIds);
        Map<TopicPartition, Long> next = nextOffsets(records);
        offsets.store(connection, next);
        return new Outcome(run.applied, run.duplicates, run.errants, next);
    }

    /** Which mapping selects the record: the first that does, in declaration order. */
    public Optional<SqlCommand.Set> route(IncomingRecord record) {
        return commands.stream().filter(c -> c.mapping().selects(record)).findFirst();
    }

    static Map<TopicPartition, Long> nextOffsets(List<SinkRecord> records) {
        Map<TopicPartition, Long> next = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            TopicPartition partition = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
            next.merge(partition, record.originalKafkaOffset() + 1, Math::max);
        }
        return next;
    }

    private final class Run {
        private final Connection connection;
        private final boolean isolated;
        private final List<String> appliedIds = new ArrayList<>();
        private final List<Errant> errants = new ArrayList<>();
        private int duplicates;
        private int applied;

        Run(Connection connection, boolean isolated) {
            this.connection = connection;
            this.isolated = isolated;
        }

        List<IncomingRecord> read(List<SinkRecord> records) {
            List<IncomingRecord> incoming = new ArrayList<>(records.size());
            for (SinkRecord record : records) {
                try {
                    incoming.add(IncomingRecord.of(record));
                } catch (DataException e) {
                    errants.add(new Errant(record, null, e));
                }
            }
            return incoming;
        }

        void apply(IncomingRecord record, CommandBuffer buffer) throws SQLException {
            if (record.kind() == IncomingRecord.Kind.SKIP) {
                return;
            }
            Optional<SqlCommand.Set> selected = route(record);
            if (selected.isEmpty()) {
                unmatched(record);
                return;
            }
            Optional<SqlCommand> command = selected.get().commandFor(record);
            if (command.isEmpty()) {
                return;
            }
            String mapping = selected.get().mapping().alias();
            try {
                if (isolated) {
                    applyAlone(record, command.get(), buffer, mapping);
                } else {
                    buffer.add(command.get(), record);
                    applied++;
                    if (record.carriesEventId()) {
                        appliedIds.add(record.eventId());
                    }
                }
            } catch (DataException e) {
                errants.add(new Errant(record.record(), mapping, e));
            }
        }

        private void applyAlone(IncomingRecord record, SqlCommand command, CommandBuffer buffer, String mapping)
                throws SQLException {
            Savepoint savepoint = connection.setSavepoint();
            try {
                buffer.execute(command, record);
                if (record.carriesEventId()) {
                    inbox.record(connection, List.of(record.eventId()));
                }
                connection.releaseSavepoint(savepoint);
                applied++;
            } catch (SQLException e) {
                if (SqlErrors.classify(e) != SqlErrors.Kind.RECORD) {
                    throw e;
                }
                connection.rollback(savepoint);
                errants.add(new Errant(record.record(), mapping, e));
            }
        }

        private void unmatched(IncomingRecord record) {
            if (record.isTombstone()) {
                return;
            }
            switch (unmatched) {
                case SKIP -> {}
                case DEAD_LETTER -> errants.add(
                        new Errant(record.record(), null, new DataException("No mapping selects the record")));
                case FAIL -> throw new ConnectException(
                        "No mapping selects the record at " + record.describe() + " (unmatched.behavior=fail)");
            }
        }
    }
}
