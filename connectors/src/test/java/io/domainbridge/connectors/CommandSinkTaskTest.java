package io.domainbridge.connectors;

import static io.domainbridge.connectors.Fixtures.change;
import static io.domainbridge.connectors.Fixtures.event;
import static io.domainbridge.connectors.Fixtures.tombstone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.connectors.sink.SinkConnection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommandSinkTaskTest {

    private static final TopicPartition EVENTS_0 = new TopicPartition(Fixtures.EVENTS, 0);
    private static final TopicPartition ROWS_1 = new TopicPartition(Fixtures.ROWS, 1);

    private final FakeDatabase database = new FakeDatabase();
    private FakeSinkTaskContext context;
    private CommandSinkTask task;

    private void start(boolean withReporter, Map<String, String> props) {
        context = new FakeSinkTaskContext(withReporter);
        task = new CommandSinkTask(config -> new SinkConnection(database::connection));
        task.initialize(context);
        task.start(props);
    }

    private void startWith(SinkConnection.Source source) {
        context = new FakeSinkTaskContext(true);
        task = new CommandSinkTask(config -> new SinkConnection(source));
        task.initialize(context);
        task.start(Fixtures.config());
    }

    @AfterEach
    void stop() {
        task.stop();
        task.stop();
    }

    @Test
    void aTaskStartsWhenAnotherTaskCreatedTheBookkeepingTablesAtTheSameMoment() {
        // PostgreSQL's answer to two concurrent CREATE TABLE IF NOT EXISTS of one table
        SQLException race = new SQLException("duplicate key value violates unique constraint", "23505");
        database.fail(e -> e.sql().startsWith("CREATE TABLE IF NOT EXISTS"), race, 1);

        start(true, Fixtures.config());
        task.put(List.of(event("e-race", "PackageStatusChanged", 42, "DELIVERED", 7)));

        assertThat(database.inbox).contains("e-race");
    }

    @Test
    void bindsNamedParametersWithTypesAndCommitsInboxAndOffsetsInOneTransaction() {
        start(true, Fixtures.config());
        int commitsAfterStart = database.commits;

        task.put(List.of(event("e-1", "PackageStatusChanged", 42, "DELIVERED", 7)));

        assertThat(database.commits).isEqualTo(commitsAfterStart + 1);
        FakeDatabase.Execution update = database.committed.stream()
                .filter(e -> e.sql().startsWith("UPDATE deliveries"))
                .findFirst()
                .orElseThrow();
        assertThat(update.sql()).isEqualTo("UPDATE deliveries SET status = ?, changed_at = ? WHERE package_id = ?");
        assertThat(update.parameters()).containsExactly("DELIVERED", "2023-11-14 22:13:20.000000000+00", 42L);
        assertThat(database.inbox).containsExactly("e-1");
        assertThat(database.committedSql()).last().asString().contains("\"domainbridge_offsets\"");
        assertThat(task.preCommit(Map.of(EVENTS_0, new OffsetAndMetadata(100))))
                .containsExactly(Map.entry(EVENTS_0, new OffsetAndMetadata(8)));
    }

    @Test
    void skipsEventsAlreadyInTheInboxAndRepeatsWithinABatchButStoresTheirOffsets() {
        start(true, Fixtures.config());
        database.inbox.add("e-1");

        task.put(List.of(
                event("e-1", "PackageStatusChanged", 42, "SHIPPED", 1),
                event("e-2", "PackageStatusChanged", 42, "DELIVERED", 2),
                event("e-2", "PackageStatusChanged", 42, "DELIVERED", 3)));

        assertThat(database.committedSql().stream().filter(sql -> sql.startsWith("UPDATE")))
                .hasSize(1);
        assertThat(database.inbox).containsExactlyInAnyOrder("e-1", "e-2");
        assertThat(task.preCommit(Map.of(EVENTS_0, new OffsetAndMetadata(0))))
                .containsEntry(EVENTS_0, new OffsetAndMetadata(4));
    }

    @Test
    void appliesRecordsInOrderAcrossMappingsAndDeletesRowsWithTheirKey() {
        Map<String, String> props = Fixtures.config();
        // tombstones carry no source table: only a topic selects them
        props.put("mappings.customers.topics", Fixtures.ROWS);
        start(true, props);

        task.put(List.of(
                change("c", 1, "Ada", 1, 10),
                event("e-1", "PackageStatusChanged", 42, "SHIPPED", 1),
                change("u", 1, "Ada L.", 2, 11),
                change("d", 1, "Ada L.", 2, 12),
                tombstone(1, 13)));

        List<String> commands = database.committedSql().stream()
                .filter(sql -> !sql.contains("domainbridge_"))
                .map(sql -> sql.substring(0, sql.indexOf(' ')))
                .toList();
        // each upsert and the versioned delete (a tombstone insert) are followed by the tombstone clean-up delete;
        // the Kafka tombstone, without a version, is a plain delete
        assertThat(commands)
                .containsExactly("INSERT", "DELETE", "UPDATE", "INSERT", "DELETE", "INSERT", "DELETE", "DELETE");
        assertThat(database.committed.stream().filter(e -> e.sql().startsWith("DELETE")))
                .allSatisfy(e -> assertThat(e.parameters()).isNotEmpty().containsOnly(1L));
        assertThat(task.preCommit(Map.of(ROWS_1, new OffsetAndMetadata(0), EVENTS_0, new OffsetAndMetadata(0))))
                .containsEntry(ROWS_1, new OffsetAndMetadata(14))
                .containsEntry(EVENTS_0, new OffsetAndMetadata(2));
    }

    @Test
    void aRecordViolatingAConstraintGoesToTheReporterAndTheRestIsAppliedInANewTransaction() {
        start(true, Fixtures.config());
        database.fail(
                e -> e.sql().startsWith("UPDATE deliveries")
                        && "BROKEN".equals(e.parameters().get(0)),
                new SQLException("null value violates not-null constraint", "23502"),
                2);

        task.put(List.of(
                event("e-1", "PackageStatusChanged", 1, "SHIPPED", 1),
                event("e-2", "PackageStatusChanged", 2, "BROKEN", 2),
                event("e-3", "PackageStatusChanged", 3, "DELIVERED", 3)));

        assertThat(database.rollbacks).isGreaterThanOrEqualTo(1);
        assertThat(context.reported).extracting(r -> r.kafkaOffset()).containsExactly(2L);
        assertThat(context.reportedCauses.get(0)).isInstanceOf(SQLException.class);
        assertThat(database.inbox).containsExactlyInAnyOrder("e-1", "e-3");
        assertThat(task.preCommit(Map.of(EVENTS_0, new OffsetAndMetadata(0))))
                .containsEntry(EVENTS_0, new OffsetAndMetadata(4));
    }

    @Test
    void withoutAReporterARecordErrorFailsTheTaskNamingMappingAndPositionButNotThePayload() {
        start(false, Fixtures.config());
        database.fail(
                e -> e.sql().startsWith("UPDATE deliveries"),
                new SQLException("violates check constraint", "23514"),
                2);

        assertThatThrownBy(() -> task.put(List.of(event("e-1", "PackageStatusChanged", 1, "SECRET-STATUS", 5))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Mapping 'status'")
                .hasMessageContaining("topic " + Fixtures.EVENTS + ", partition 0, offset 5")
                .hasMessageContaining("23514")
                .hasMessageNotContaining("SECRET-STATUS");
        assertThat(database.inbox).isEmpty();
        assertThat(task.preCommit(Map.of(EVENTS_0, new OffsetAndMetadata(0)))).isEmpty();
    }

    @Test
    void transientErrorsRollBackAndAskForARetryUntilMaxRetries() {
        start(true, Fixtures.config());
        database.fail(e -> e.sql().startsWith("UPDATE"), new SQLException("deadlock detected", "40P01"), 3);
        List<org.apache.kafka.connect.sink.SinkRecord> batch =
                List.of(event("e-1", "PackageStatusChanged", 1, "SHIPPED", 1));

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(context.timeoutMs).isEqualTo(250);
        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThatThrownBy(() -> task.put(batch))
                .isInstanceOf(ConnectException.class)
                .isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("Gave up after 2 retries");
        assertThat(database.inbox).isEmpty();
    }

    @Test
    void aTransientErrorThenSuccessResetsTheRetryCount() {
        start(true, Fixtures.config());
        database.fail(e -> e.sql().startsWith("UPDATE"), new SQLException("serialization failure", "40001"), 1);
        List<org.apache.kafka.connect.sink.SinkRecord> batch =
                List.of(event("e-1", "PackageStatusChanged", 1, "SHIPPED", 1));

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        task.put(batch);

        assertThat(database.inbox).containsExactly("e-1");
    }

    @Test
    void aServerRestartingOrRecoveringFromACrashIsRetried() {
        start(true, Fixtures.config());
        database.fail(
                e -> e.sql().startsWith("UPDATE"),
                new SQLException("the database system is not yet accepting connections", "57P03"),
                1);
        List<org.apache.kafka.connect.sink.SinkRecord> batch =
                List.of(event("e-1", "PackageStatusChanged", 1, "SHIPPED", 1));

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(database.inbox).isEmpty();
        task.put(batch);

        assertThat(database.inbox).containsExactly("e-1");
    }

    @Test
    void aDatabaseUnreachableAtStartAndAssignmentIsWaitedForAndItsStoredOffsetsAreUsed() {
        AtomicBoolean down = new AtomicBoolean(true);
        startWith(() -> {
            if (down.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            return database.connection();
        });
        task.open(List.of(EVENTS_0));
        List<org.apache.kafka.connect.sink.SinkRecord> behind =
                List.of(event("e-1", "PackageStatusChanged", 1, "SHIPPED", 7));

        assertThatThrownBy(() -> task.put(behind)).isInstanceOf(RetriableException.class);
        down.set(false);
        database.offsets.add(new Object[] {Fixtures.EVENTS, 0, 17L});
        task.put(behind);

        // the consumer is behind the stored offset: records up to it are skipped, no rewind is needed
        assertThat(context.seeks).isEmpty();
        assertThat(database.inbox).isEmpty();
        task.put(List.of(event("e-2", "PackageStatusChanged", 1, "DELIVERED", 17)));
        assertThat(database.inbox).containsExactly("e-2");
        assertThat(task.preCommit(Map.of(EVENTS_0, new OffsetAndMetadata(18))))
                .containsExactly(Map.entry(EVENTS_0, new OffsetAndMetadata(18)));
    }

    @Test
    void aRewindIsAskedForOnlyWhenTheRestOfTheBatchIsCommitted() {
        AtomicBoolean down = new AtomicBoolean(true);
        startWith(() -> {
            if (down.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            return database.connection();
        });
        task.open(List.of(EVENTS_0, ROWS_1));
        down.set(false);
        database.offsets.add(new Object[] {Fixtures.ROWS, 1, 5L});
        database.fail(e -> e.sql().startsWith("UPDATE"), new SQLException("deadlock detected", "40P01"), 1);
        List<org.apache.kafka.connect.sink.SinkRecord> batch =
                List.of(event("e-1", "PackageStatusChanged", 1, "SHIPPED", 0), change("c", 1, "Ada", 1, 9));

        assertThatThrownBy(() -> task.put(batch)).isInstanceOf(RetriableException.class);
        assertThat(context.seeks).isEmpty();
        task.put(batch);

        assertThat(context.seeks).containsExactly(Map.entry(ROWS_1, 5L));
        assertThat(database.inbox).containsExactly("e-1");
        assertThat(database.committedSql()).noneMatch(sql -> sql.contains("crm"));
        assertThat(task.preCommit(Map.of(EVENTS_0, new OffsetAndMetadata(1), ROWS_1, new OffsetAndMetadata(10))))
                .containsOnly(
                        Map.entry(EVENTS_0, new OffsetAndMetadata(1)), Map.entry(ROWS_1, new OffsetAndMetadata(5)));
    }

    @Test
    void aDatabaseThatRefusesTheCredentialsAtStartFailsTheTask() {
        assertThatThrownBy(() -> startWith(() -> {
                    throw new SQLException("password authentication failed", "28P01");
                }))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("28P01");
    }

    @Test
    void openSeeksToTheOffsetsStoredInTheDatabase() {
        start(true, Fixtures.config());
        database.offsets.add(new Object[] {Fixtures.EVENTS, 0, 17L});
        database.offsets.add(new Object[] {"other.topic", 3, 5L});

        task.open(List.of(EVENTS_0, ROWS_1));

        assertThat(context.seeks).containsExactly(Map.entry(EVENTS_0, 17L));
        assertThat(task.preCommit(Map.of(EVENTS_0, new OffsetAndMetadata(20))))
                .containsExactly(Map.entry(EVENTS_0, new OffsetAndMetadata(17)));
        task.close(List.of(EVENTS_0));
        assertThat(task.preCommit(Map.of(EVENTS_0, new OffsetAndMetadata(20)))).isEmpty();
    }

    @Test
    void replicatedRowsBelowTheStoredOffsetAreSkippedAndNeverEnterTheInbox() {
        start(true, Fixtures.config());
        database.offsets.add(new Object[] {Fixtures.ROWS, 1, 11L});
        task.open(List.of(ROWS_1));

        task.put(List.of(change("c", 1, "Ada", 1, 10), change("u", 1, "Ada L.", 2, 11)));

        List<FakeDatabase.Execution> upserts = database.committed.stream()
                .filter(e -> e.sql().startsWith("INSERT INTO \"crm\".\"customer\" "))
                .toList();
        assertThat(upserts).singleElement().satisfies(e -> assertThat(e.parameters())
                .contains("Ada L."));
        assertThat(database.inbox).isEmpty();
        assertThat(task.preCommit(Map.of(ROWS_1, new OffsetAndMetadata(0))))
                .containsExactly(Map.entry(ROWS_1, new OffsetAndMetadata(12)));
    }

    @Test
    void unmatchedRecordsFailSkipOrGoToTheDeadLetterQueue() {
        Map<String, String> props = Fixtures.config();
        start(true, props);
        assertThatThrownBy(() -> task.put(List.of(event("e-1", "PackageRegistered", 1, "NEW", 1))))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("No mapping selects the record at topic " + Fixtures.EVENTS);
        task.stop();

        props.put("unmatched.behavior", "skip");
        start(true, props);
        task.put(List.of(event("e-1", "PackageRegistered", 1, "NEW", 1)));
        assertThat(context.reported).isEmpty();
        task.stop();

        props.put("unmatched.behavior", "dead-letter");
        start(true, props);
        task.put(List.of(event("e-2", "PackageRegistered", 1, "NEW", 2)));
        assertThat(context.reported).extracting(r -> r.kafkaOffset()).containsExactly(2L);
    }

    @Test
    void versionReportsTheProjectVersion() {
        start(true, Fixtures.config());
        assertThat(task.version()).isNotBlank().doesNotContain("${");
    }
}
