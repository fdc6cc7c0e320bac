package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** Label of the records no mapping took: unreadable, or selected by none. */
    static final String NO_MAPPING = "(no mapping)";

    /** A record that fails on its own, with the mapping that tried it (null when none selected it). */
    public record Errant(SinkRecord record, String mapping, Exception cause) {}

    /** What a batch did; the offsets are those to store, and to hand to Connect once committed. */
    public record Outcome(
            int applied,
            int duplicates,
            List<Errant> errants,
            Map<TopicPartition, Long> offsets,
            Map<String, Counts> perMapping) {

        /** Per mapping, e.g. {@code mapping 'x' applied 0, dead-lettered 12}; never a record's content. */
        public String summary() {
            return perMapping.entrySet().stream()
                    .map(e -> (e.getKey().equals(NO_MAPPING) ? NO_MAPPING : "mapping '" + e.getKey() + "'")
                            + " applied " + e.getValue().applied + ", dead-lettered " + e.getValue().deadLettered)
                    .collect(Collectors.joining("; "));
        }
    }

    /** Records one mapping applied and dead-lettered in a batch. */
    public static final class Counts {
        private int applied;
        private int deadLettered;
        private int zeroRows;

        public int applied() {
            return applied;
        }

        public int deadLettered() {
            return deadLettered;
        }

        /** Statements that affected no rows, whatever the mapping made of it. */
        public int zeroRows() {
            return zeroRows;
        }
    }

    /**
     * The driver ran a batch without saying how many rows each statement affected, and a mapping must know: the
     * batch is to be applied again, record by record.
     */
    public static final class RowCountsUnknown extends SQLException {
        RowCountsUnknown(String mapping) {
            super("The JDBC driver reported no row counts for the batch of mapping '" + mapping + "'");
        }
    }

    private final List<MappingCommands> commands;
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
                mappings.stream().map(m -> MappingCommands.of(m, dialect)).toList();
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
        try (CommandBuffer buffer = new CommandBuffer(connection, isolated ? 1 : batchSize, dialect, run::counted)) {
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
        return new Outcome(run.applied, run.duplicates, run.errants, next, run.perMapping);
    }

    /** Which mapping selects the record: the first that does, in declaration order. */
    public Optional<MappingCommands> route(IncomingRecord record) {
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
        private final Map<String, Counts> perMapping = new LinkedHashMap<>();
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
                    errant(record, null, e);
                }
            }
            return incoming;
        }

        void apply(IncomingRecord record, CommandBuffer buffer) throws SQLException {
            if (record.kind() == IncomingRecord.Kind.SKIP) {
                return;
            }
            Optional<MappingCommands> selected = route(record);
            if (selected.isEmpty()) {
                unmatched(record);
                return;
            }
            List<SqlCommand> commands = selected.get().commandsFor(record);
            if (commands.isEmpty()) {
                return;
            }
            String mapping = selected.get().mapping().alias();
            if (isolated) {
                try {
                    applyAlone(record, commands, buffer, mapping);
                } catch (DataException e) {
                    errant(record.record(), mapping, e);
                }
                return;
            }
            // counted first: a full batch runs inside add() and may take the record back at once
            applied(record, mapping);
            try {
                for (SqlCommand command : commands) {
                    buffer.add(command, record, mapping);
                }
            } catch (DataException e) {
                takeBack(record, mapping, e);
            }
        }

        private void applyAlone(IncomingRecord record, List<SqlCommand> commands, CommandBuffer buffer, String mapping)
                throws SQLException {
            Savepoint savepoint = connection.setSavepoint();
            try {
                for (SqlCommand command : commands) {
                    if (rejectsZeroRows(record, command, mapping, buffer.execute(command, record))) {
                        connection.rollback(savepoint);
                        errant(record.record(), mapping, noRows(mapping));
                        return;
                    }
                }
                if (record.carriesEventId()) {
                    inbox.record(connection, List.of(record.eventId()));
                }
                connection.releaseSavepoint(savepoint);
                applied(record, mapping);
            } catch (SQLException e) {
                if (SqlErrors.classify(e) != SqlErrors.Kind.RECORD) {
                    throw e;
                }
                connection.rollback(savepoint);
                errant(record.record(), mapping, e);
            }
        }

        /** A batched command's row count: a statement that changed nothing may take its record back. */
        void counted(IncomingRecord record, SqlCommand command, String mapping, int rows) throws SQLException {
            if (rejectsZeroRows(record, command, mapping, rows)) {
                takeBack(record, mapping, noRows(mapping));
            }
        }

        private void takeBack(IncomingRecord record, String mapping, Exception cause) {
            applied--;
            counts(mapping).applied--;
            if (record.carriesEventId()) {
                appliedIds.remove(record.eventId());
            }
            errant(record.record(), mapping, cause);
        }

        private boolean rejectsZeroRows(IncomingRecord record, SqlCommand command, String mapping, int rows)
                throws SQLException {
            if (rows == 0) {
                counts(mapping).zeroRows++;
            }
            if (command.zeroRows() == ZeroRowsBehavior.IGNORE || rows > 0) {
                return false;
            }
            if (rows == Statement.SUCCESS_NO_INFO) {
                throw new RowCountsUnknown(mapping);
            }
            if (command.zeroRows() == ZeroRowsBehavior.FAIL) {
                throw new ConnectException("Mapping '" + mapping + "': the statement affected no rows for the record"
                        + " at " + record.describe() + " (" + MappingParser.PREFIX + mapping + "."
                        + MappingParser.ZERO_ROWS_BEHAVIOR + "=fail)");
            }
            return true;
        }

        private DataException noRows(String mapping) {
            return new DataException("The statement of mapping '" + mapping + "' affected no rows");
        }

        private void applied(IncomingRecord record, String mapping) {
            applied++;
            counts(mapping).applied++;
            if (!isolated && record.carriesEventId()) {
                appliedIds.add(record.eventId());
            }
        }

        private void errant(SinkRecord record, String mapping, Exception cause) {
            errants.add(new Errant(record, mapping, cause));
            counts(mapping).deadLettered++;
        }

        private Counts counts(String mapping) {
            return perMapping.computeIfAbsent(mapping == null ? NO_MAPPING : mapping, m -> new Counts());
        }

        private void unmatched(IncomingRecord record) {
            if (record.isTombstone()) {
                return;
            }
            switch (unmatched) {
                case SKIP -> {}
                case DEAD_LETTER -> errant(record.record(), null, new DataException("No mapping selects the record"));
                case FAIL -> throw new ConnectException(
                        "No mapping selects the record at " + record.describe() + " (unmatched.behavior=fail)");
            }
        }
    }
}
