package io.domainbridge.connectors;

import static io.domainbridge.connectors.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.connectors.sink.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Statement mappings whose statement affects no rows (an approval for an unknown claim, a repeated approval), against
 * a real database, batched and with drivers that report no row counts for rewritten batches.
 */
class ZeroRowsTaskTest {

    private static final TopicPartition EVENTS_0 = new TopicPartition(Fixtures.EVENTS, 0);

    private final List<String> logged = new ArrayList<>();
    private final Logger taskLog = Logger.getLogger(CommandSinkTask.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private TestDatabase database;
    private CommandSinkTask task;
    private FakeSinkTaskContext context;

    @AfterEach
    void cleanUp() {
        taskLog.removeHandler(capture);
        if (task != null) {
            task.stop();
        }
        database.close();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void anUpdateOfNoRowIsDeadLetteredAndStaysOutOfTheInbox(Dialect dialect) {
        start(dialect, "", "UPDATE claims SET status = :data.status WHERE claim_id = :aggregateid", "dead-letter");

        task.put(approvals(1, 7, 8));

        assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(2L, 3L);
        assertThat(context.reportedCauses)
                .allSatisfy(cause -> assertThat(cause).hasMessageContaining("mapping 'approve' affected no rows"));
        assertThat(database.rows("SELECT claim_id, status FROM claims")).containsExactly(List.of("1", "APPROVED"));
        assertThat(database.rows("SELECT event_id FROM domainbridge_inbox")).containsExactly(List.of("e-1"));
        assertThat(task.preCommit(Map.of(EVENTS_0, new OffsetAndMetadata(4))))
                .containsExactly(Map.entry(EVENTS_0, new OffsetAndMetadata(4)));
    }

    /** Rewritten batches report SUCCESS_NO_INFO for each statement: the batch is applied again record by record. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rowCountsTheDriverDoesNotReportAreFoundOneByOne(Dialect dialect) {
        String insert = dialect == Dialect.POSTGRESQL
                ? "INSERT INTO approvals (claim_id, status) VALUES (:aggregateid, :data.status) ON CONFLICT DO NOTHING"
                : "INSERT IGNORE INTO approvals (claim_id, status) VALUES (:aggregateid, :data.status)";
        String options = dialect == Dialect.POSTGRESQL
                ? "?reWriteBatchedInserts=true"
                : "?useBulkStmts=true&useServerPrepStmts=true";
        start(dialect, options, insert, "dead-letter");
        database.execute("INSERT INTO approvals (claim_id, status) VALUES ('7', 'APPROVED')");
        taskLog.addHandler(capture);

        task.put(approvals(1, 7, 8));

        assertThat(logged).anyMatch(line -> line.contains("reported no row counts for the batch of mapping 'approve'"));
        assertThat(context.reported).extracting(SinkRecord::kafkaOffset).containsExactly(2L);
        assertThat(database.rows("SELECT claim_id FROM approvals ORDER BY claim_id"))
                .containsExactly(List.of("1"), List.of("7"), List.of("8"));
        assertThat(database.rows("SELECT event_id FROM domainbridge_inbox ORDER BY event_id"))
                .containsExactly(List.of("e-1"), List.of("e-3"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void failStopsTheTaskNamingTheMappingAndPositionAndCommitsNothing(Dialect dialect) {
        start(dialect, "", "UPDATE claims SET status = :data.status WHERE claim_id = :aggregateid", "fail");

        assertThatThrownBy(() -> task.put(approvals(1, 7)))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Mapping 'approve'")
                .hasMessageContaining("topic " + Fixtures.EVENTS + ", partition 0, offset 2")
                .hasMessageContaining("mappings.approve.zero.rows.behavior=fail")
                .hasMessageNotContaining("APPROVED");
        assertThat(database.rows("SELECT status FROM claims")).containsExactly(List.of("OPEN"));
        assertThat(database.rows("SELECT event_id FROM domainbridge_inbox")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void byDefaultAStatementOfNoRowCountsAsApplied(Dialect dialect) {
        start(dialect, "", "UPDATE claims SET status = :data.status WHERE claim_id = :aggregateid", null);

        task.put(approvals(1, 7));

        assertThat(context.reported).isEmpty();
        assertThat(database.rows("SELECT event_id FROM domainbridge_inbox ORDER BY event_id"))
                .containsExactly(List.of("e-1"), List.of("e-2"));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aBatchOfOnlyDeadLetteredRecordsIsLoggedWithCountsPerMapping(Dialect dialect) {
        start(dialect, "", "UPDATE claims SET status = :data.status WHERE claim_id = :aggregateid", "dead-letter");
        taskLog.addHandler(capture);

        task.put(approvals(7, 8));

        assertThat(logged)
                .contains(Level.WARNING + " Batch of 2 record(s): mapping 'approve' applied 0, dead-lettered 2")
                .noneMatch(line -> line.contains("APPROVED"));
    }

    private void start(Dialect dialect, String urlOptions, String statement, String zeroRows) {
        database = TestDatabase.create(dialect);
        database.execute(
                "CREATE TABLE claims (claim_id VARCHAR(20) PRIMARY KEY, status VARCHAR(20) NOT NULL)",
                "CREATE TABLE approvals (claim_id VARCHAR(20) PRIMARY KEY, status VARCHAR(20) NOT NULL)",
                "INSERT INTO claims (claim_id, status) VALUES ('1', 'OPEN')");
        Map<String, String> props = database.connectionConfig();
        props.put("connection.url", database.url() + urlOptions);
        props.put("name", "claims-sink");
        props.put("mappings", "approve");
        props.put("mappings.approve.event.types", "ClaimApproved");
        props.put("mappings.approve.action", "statement");
        props.put("mappings.approve.statement", statement);
        if (zeroRows != null) {
            props.put("mappings.approve.zero.rows.behavior", zeroRows);
        }
        context = new FakeSinkTaskContext(true);
        task = new CommandSinkTask();
        task.initialize(context);
        task.start(props);
        task.open(List.of(EVENTS_0));
    }

    /** One approval per claim id, with event ids e-1, e-2, ... at offsets 1, 2, ... */
    private static List<SinkRecord> approvals(long... claims) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < claims.length; i++) {
            records.add(event("e-" + (i + 1), "ClaimApproved", claims[i], "APPROVED", i + 1));
        }
        return records;
    }
}
