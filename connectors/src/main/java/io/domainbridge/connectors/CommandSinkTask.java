package io.domainbridge.connectors;

import io.domainbridge.common.ProjectVersion;
import io.domainbridge.connectors.sink.BatchApplier;
import io.domainbridge.connectors.sink.InboxTable;
import io.domainbridge.connectors.sink.OffsetsTable;
import io.domainbridge.connectors.sink.SinkConnection;
import io.domainbridge.connectors.sink.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each {@code put()} batch in one transaction together with the inbox entries and offsets it covers, seeks to
 * the stored offsets when partitions are assigned, and reports to Connect only what the database committed. A
 * database that is briefly unreachable when the task starts or gets partitions is waited for like any transient error.
 */
public class CommandSinkTask extends SinkTask {

    private static final Logger LOG = LoggerFactory.getLogger(CommandSinkTask.class);
    /** unique_violation, duplicate_table, duplicate_object: what a concurrent creation of the same table raises. */
    private static final Set<String> CONCURRENT_CREATE_STATES = Set.of("23505", "42P07", "42710");

    private CommandSinkConfig config;
    private SinkConnection connection;
    private InboxTable inbox;
    private OffsetsTable offsets;
    private BatchApplier applier;
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Set<TopicPartition> unread = new HashSet<>();
    private boolean tablesCreated;
    private int failedAttempts;
    private final Function<CommandSinkConfig, SinkConnection> connections;

    public CommandSinkTask() {
        this(config -> new SinkConnection(config.dialect(), config.connectionUrl(), config.user(), config.password()));
    }

    /** For tests: a task whose connections come from elsewhere. */
    CommandSinkTask(Function<CommandSinkConfig, SinkConnection> connections) {
        this.connections = connections;
    }

    @Override
    public String version() {
        return ProjectVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new CommandSinkConfig(props);
        connection = connections.apply(config);
        inbox = new InboxTable(config.dialect(), config.inboxTable(), config.consumerName());
        offsets = new OffsetsTable(config.dialect(), config.offsetsTable(), config.consumerName());
        applier = new BatchApplier(
                config.dialect(), config.mappings(), inbox, offsets, config.batchSize(), config.unmatchedBehavior());
        try {
            createTables();
        } catch (SQLException e) {
            connection.rollbackQuietly();
            if (SqlErrors.classify(e) != SqlErrors.Kind.TRANSIENT) {
                throw new ConnectException(
                        "Cannot create the inbox and offsets tables (SQLState " + e.getSQLState() + ")", e);
            }
            LOG.warn(
                    "The database is not reachable (SQLState {}); the inbox and offsets tables are created once it is",
                    e.getSQLState());
        }
    }

    /**
     * Seeks to the offsets stored in the database. When the database is briefly unreachable, the partitions wait: the
     * next {@code put()} reads their offsets before it applies anything.
     */
    @Override
    public void open(Collection<TopicPartition> partitions) {
        unread.addAll(partitions);
        try {
            seekToStoredOffsets();
        } catch (SQLException e) {
            connection.rollbackQuietly();
            if (SqlErrors.classify(e) != SqlErrors.Kind.TRANSIENT) {
                throw new ConnectException("Cannot read the stored offsets (SQLState " + e.getSQLState() + ")", e);
            }
            LOG.warn(
                    "The database is not reachable (SQLState {}); {} partition(s) wait for their stored offsets",
                    e.getSQLState(),
                    unread.size());
        }
    }

    /**
     * Creates the inbox and offsets tables if absent. A connector's tasks start together, and PostgreSQL fails one of
     * two concurrent {@code CREATE TABLE IF NOT EXISTS} of the same table with a unique or duplicate-table violation;
     * the other task's transaction has committed by then, so one more attempt finds the tables.
     */
    private void createTables() throws SQLException {
        try {
            createTablesOnce();
        } catch (SQLException e) {
            if (!CONCURRENT_CREATE_STATES.contains(e.getSQLState())) {
                throw e;
            }
            connection.rollbackQuietly();
            LOG.info("Another task created the inbox or offsets table at the same moment; checking again");
            createTablesOnce();
        }
    }

    private void createTablesOnce() throws SQLException {
        Connection db = connection.get();
        inbox.create(db);
        offsets.create(db);
        db.commit();
        tablesCreated = true;
    }

    /** Reads the stored offsets of the partitions not read yet and seeks to them; true when it did seek. */
    private boolean seekToStoredOffsets() throws SQLException {
        if (!tablesCreated) {
            createTables();
        }
        if (unread.isEmpty()) {
            return false;
        }
        Connection db = connection.get();
        Map<TopicPartition, Long> stored = offsets.read(db);
        db.commit();
        Map<TopicPartition, Long> seek = new HashMap<>();
        for (TopicPartition partition : unread) {
            if (stored.containsKey(partition)) {
                seek.put(partition, stored.get(partition));
            }
        }
        unread.clear();
        committed.putAll(seek);
        if (!seek.isEmpty()) {
            LOG.info("Resuming {} partition(s) from the offsets stored in the database", seek.size());
            context.offset(seek);
        }
        return !seek.isEmpty();
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            if (seekToStoredOffsets()) {
                // the records come again, from the offsets the database holds
                failedAttempts = 0;
                return;
            }
            List<SinkRecord> batch = notYetStored(records);
            if (batch.isEmpty()) {
                return;
            }
            BatchApplier.Outcome outcome = applyInTransaction(batch);
            committed.putAll(outcome.offsets());
            failedAttempts = 0;
            if (outcome.duplicates() > 0) {
                LOG.info("Skipped {} duplicate event(s) already in the inbox", outcome.duplicates());
            }
        } catch (SQLException e) {
            connection.rollbackQuietly();
            handleFailure(e);
        } catch (RuntimeException e) {
            connection.rollbackQuietly();
            throw e;
        }
    }

    /**
     * Drops records below the offsets the database holds: replicated rows, which have no event id for the inbox,
     * rely on this after a rewind or redelivery.
     */
    private List<SinkRecord> notYetStored(Collection<SinkRecord> records) {
        List<SinkRecord> batch = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            Long next = committed.get(new TopicPartition(record.originalTopic(), record.originalKafkaPartition()));
            if (next == null || record.originalKafkaOffset() >= next) {
                batch.add(record);
            }
        }
        return batch;
    }

    private BatchApplier.Outcome applyInTransaction(List<SinkRecord> batch) throws SQLException {
        Connection db = connection.get();
        BatchApplier.Outcome outcome;
        try {
            outcome = applier.apply(db, batch, false);
        } catch (SQLException e) {
            if (SqlErrors.classify(e) != SqlErrors.Kind.RECORD) {
                throw e;
            }
            // a record failed on its own: start over, one record at a time, to find it
            db.rollback();
            LOG.info(
                    "A record of the batch failed on its own (SQLState {}); applying the records one by one",
                    e.getSQLState());
            outcome = applier.apply(db, batch, true);
        }
        report(outcome.errants());
        db.commit();
        return outcome;
    }

    private void report(List<BatchApplier.Errant> errants) {
        if (errants.isEmpty()) {
            return;
        }
        ErrantRecordReporter reporter = context.errantRecordReporter();
        if (reporter == null) {
            throw new ConnectException(describe(errants.get(0)));
        }
        List<Future<Void>> reports = new ArrayList<>();
        for (BatchApplier.Errant errant : errants) {
            LOG.warn("{}; reported to the dead-letter queue", describe(errant));
            reports.add(reporter.report(errant.record(), errant.cause()));
        }
        for (Future<Void> report : reports) {
            try {
                report.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while reporting errant records", e);
            } catch (ExecutionException e) {
                throw new ConnectException("Cannot report an errant record", e.getCause());
            }
        }
    }

    private void handleFailure(SQLException e) {
        SqlErrors.Kind kind = SqlErrors.classify(e);
        if (kind == SqlErrors.Kind.TRANSIENT && failedAttempts < config.maxRetries()) {
            failedAttempts++;
            LOG.warn(
                    "Transient database error (SQLState {}), attempt {} of {}; retrying in {} ms",
                    e.getSQLState(),
                    failedAttempts,
                    config.maxRetries(),
                    config.retryBackoff().toMillis());
            context.timeout(config.retryBackoff().toMillis());
            throw new RetriableException("Transient database error, SQLState " + e.getSQLState(), e);
        }
        String reason = kind == SqlErrors.Kind.TRANSIENT
                ? "Gave up after " + failedAttempts + " retries of a transient database error"
                : "Database error";
        throw new ConnectException(reason + " (SQLState " + e.getSQLState() + ")", e);
    }

    static String describe(BatchApplier.Errant errant) {
        String mapping = errant.mapping() == null ? "The sink" : "Mapping '" + errant.mapping() + "'";
        String cause = errant.cause() instanceof SQLException sql
                ? "SQLState " + sql.getSQLState() + ", vendor code " + sql.getErrorCode()
                : errant.cause().getMessage();
        return mapping + " cannot apply the record at topic " + errant.record().originalTopic() + ", partition "
                + errant.record().originalKafkaPartition() + ", offset "
                + errant.record().originalKafkaOffset()
                + ": " + cause;
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> safe = new HashMap<>();
        for (TopicPartition partition : currentOffsets.keySet()) {
            Long next = committed.get(partition);
            if (next != null) {
                safe.put(partition, new OffsetAndMetadata(next));
            }
        }
        return safe;
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        partitions.forEach(committed::remove);
        unread.removeAll(partitions);
    }

    @Override
    public void stop() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        committed.clear();
        unread.clear();
        tablesCreated = false;
    }
}
