package io.domainbridge.connectors;

import io.domainbridge.connectors.sink.BatchApplier;
import io.domainbridge.connectors.sink.BookkeepingTables;
import io.domainbridge.connectors.sink.InboxRetention;
import io.domainbridge.connectors.sink.InboxTable;
import io.domainbridge.connectors.sink.Mapping;
import io.domainbridge.connectors.sink.OffsetsTable;
import io.domainbridge.connectors.sink.PluginSinkMetrics;
import io.domainbridge.connectors.sink.SinkConnection;
import io.domainbridge.connectors.sink.SinkMetrics;
import io.domainbridge.connectors.sink.SqlErrors;
import io.domainbridge.connectors.sink.StoredOffsets;
import io.domainbridge.events.ProjectVersion;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.utils.Time;
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

    private CommandSinkConfig config;
    private SinkConnection connection;
    private BookkeepingTables tables;
    private StoredOffsets offsets;
    private BatchApplier applier;
    private InboxRetention retention;
    private int failedAttempts;
    private SinkMetrics metrics = SinkMetrics.NONE;
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
        InboxTable inbox = new InboxTable(config.dialect(), config.inboxTable(), config.consumerName());
        OffsetsTable offsetsTable = new OffsetsTable(config.dialect(), config.offsetsTable(), config.consumerName());
        retention = new InboxRetention(
                inbox,
                config.inboxRetentionMs(),
                config.inboxRetentionBatchSize(),
                config.inboxRetentionIntervalMs(),
                System::currentTimeMillis);
        tables = new BookkeepingTables(config.dialect(), inbox, offsetsTable, config.mappings(), retention.enabled());
        offsets = new StoredOffsets(offsetsTable);
        applier = new BatchApplier(
                config.dialect(),
                config.mappings(),
                inbox,
                offsetsTable,
                config.batchSize(),
                config.unmatchedBehavior());
        logPlan();
        metrics = registerMetrics();
        try {
            tables.ensure(connection.get());
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

    /** The connection's URL and credentials stay out: a JDBC URL can carry a password among its parameters. */
    private void logPlan() {
        LOG.info(
                "CommandSinkTask for consumer '{}' writes to {} with {} mapping(s): {}; unmatched records {};"
                        + " batches of up to {}; inbox table {}, offsets table {}",
                config.consumerName(),
                config.dialect(),
                config.mappings().size(),
                config.mappings().stream().map(Mapping::summary).collect(Collectors.joining("; ")),
                config.unmatchedBehavior(),
                config.batchSize(),
                config.inboxTable(),
                config.offsetsTable());
    }

    /**
     * Seeks to the offsets stored in the database. When the database is briefly unreachable, the partitions wait: the
     * next {@code put()} reads their offsets before it applies anything.
     */
    @Override
    public void open(Collection<TopicPartition> partitions) {
        offsets.assigned(partitions);
        try {
            Connection db = connection.get();
            tables.ensure(db);
            StoredOffsets.Plan plan = offsets.plan(db, List.of());
            db.commit();
            offsets.accept(plan, Map.of());
            seek(plan.seeks());
        } catch (SQLException e) {
            connection.rollbackQuietly();
            if (SqlErrors.classify(e) != SqlErrors.Kind.TRANSIENT) {
                throw new ConnectException("Cannot read the stored offsets (SQLState " + e.getSQLState() + ")", e);
            }
            LOG.warn(
                    "The database is not reachable (SQLState {}); {} partition(s) wait for their stored offsets",
                    e.getSQLState(),
                    offsets.waiting());
        }
    }

    /**
     * Applies the batch, except the records of partitions that wait for their stored offsets and must be rewound to
     * them; the seeks are asked for only once the rest is committed.
     */
    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            Connection db = connection.get();
            tables.ensure(db);
            StoredOffsets.Plan plan = offsets.plan(db, records);
            BatchApplier.Outcome outcome = null;
            if (plan.toApply().isEmpty()) {
                db.commit();
                metrics.committedNothing();
            } else {
                long started = System.nanoTime();
                outcome = applyInTransaction(plan.toApply());
                metrics.committed(outcome, plan.toApply().size(), System.nanoTime() - started);
            }
            offsets.accept(plan, outcome == null ? Map.of() : outcome.offsets());
            seek(plan.seeks());
            failedAttempts = 0;
            if (outcome != null && outcome.duplicates() > 0) {
                LOG.info("Skipped {} duplicate event(s) already in the inbox", outcome.duplicates());
            }
            pruneInbox(db);
        } catch (SQLException e) {
            connection.rollbackQuietly();
            handleFailure(e);
        } catch (RuntimeException e) {
            connection.rollbackQuietly();
            throw e;
        }
    }

    /** After the batch is committed: a failure here leaves the batch applied and the rows for a later chunk. */
    private void pruneInbox(Connection db) {
        try {
            int deleted = retention.pruneIfDue(db);
            if (deleted > 0) {
                LOG.debug("Deleted {} inbox row(s) older than the retention", deleted);
            }
        } catch (SQLException e) {
            connection.rollbackQuietly();
            LOG.warn("Cannot delete expired inbox rows (SQLState {}); trying again later", e.getSQLState());
        }
    }

    /** The worker's registry; a worker before Kafka 4.1 has none, and its context lacks the method altogether. */
    private SinkMetrics registerMetrics() {
        try {
            PluginMetrics registry = context == null ? null : context.pluginMetrics();
            return registry == null
                    ? SinkMetrics.NONE
                    : PluginSinkMetrics.register(registry, config.mappings(), Time.SYSTEM);
        } catch (IncompatibleClassChangeError | NoClassDefFoundError e) {
            LOG.info("The worker offers no plugin metrics (Kafka before 4.1); the sink reports none");
            return SinkMetrics.NONE;
        } catch (IllegalArgumentException e) {
            // a task of the same id that has not yet let go of its metrics, e.g. one whose stop timed out
            LOG.warn("The sink's metrics are already registered for this task; it reports none until restarted");
            return SinkMetrics.NONE;
        }
    }

    private void seek(Map<TopicPartition, Long> seeks) {
        if (!seeks.isEmpty()) {
            LOG.info("Resuming {} partition(s) from the offsets stored in the database", seeks.size());
            context.offset(seeks);
        }
    }

    private BatchApplier.Outcome applyInTransaction(List<SinkRecord> batch) throws SQLException {
        Connection db = connection.get();
        BatchApplier.Outcome outcome;
        try {
            outcome = applier.apply(db, batch, false);
        } catch (BatchApplier.RowCountsUnknown e) {
            // only single statements tell their row counts for sure
            db.rollback();
            LOG.info("{}; applying the records one by one", e.getMessage());
            outcome = applier.apply(db, batch, true);
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
        if (outcome.applied() == 0 && !outcome.errants().isEmpty()) {
            LOG.warn("Batch of {} record(s): {}", batch.size(), outcome.summary());
        }
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
            metrics.retried();
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
        return offsets.committable(currentOffsets.keySet());
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        offsets.revoked(partitions);
    }

    @Override
    public void stop() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (offsets != null) {
            offsets.clear();
        }
        metrics = SinkMetrics.NONE;
    }
}
