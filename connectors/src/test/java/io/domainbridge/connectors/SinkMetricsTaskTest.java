package io.domainbridge.connectors;

import static io.domainbridge.connectors.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.connectors.sink.Dialect;
import io.domainbridge.connectors.sink.SinkConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sink's metrics in the registry the worker hands its tasks ({@link PluginMetricsImpl} over Kafka's
 * {@link Metrics}, tagged as the worker tags a task), counted against a real database.
 */
class SinkMetricsTaskTest {

    private static final TopicPartition EVENTS_0 = new TopicPartition(Fixtures.EVENTS, 0);
    private static final Map<String, String> TASK_TAGS = taskTags();

    private final Metrics registry = new Metrics();
    private TestDatabase database;
    private CommandSinkTask task;
    private FakeSinkTaskContext context;

    @AfterEach
    void cleanUp() {
        if (task != null) {
            task.stop();
        }
        registry.close();
        database.close();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void countsWhatEachMappingAppliedSkippedAndDeadLettered(Dialect dialect) {
        start(dialect, new PluginMetricsImpl(registry, TASK_TAGS), null);

        List<SinkRecord> first = approvals(0, 1, 7, 8);
        first.add(event("e-4", "ClaimRejected", 1, "REJECTED", 4));
        task.put(first);
        task.put(List.of(
                event("e-1", "ClaimApproved", 1, "APPROVED", 5), event("e-6", "ClaimApproved", 2, "APPROVED", 6)));

        assertThat(mapping("approve", "applied-total")).isEqualTo(2.0);
        assertThat(mapping("approve", "dead-lettered-total")).isEqualTo(2.0);
        assertThat(mapping("approve", "zero-row-statement-total")).isEqualTo(2.0);
        assertThat(task("duplicate-skipped-total")).isEqualTo(1.0);
        assertThat(task("unmapped-dead-lettered-total")).isEqualTo(1.0);
        assertThat(task("batch-total")).isEqualTo(2.0);
        assertThat(task("batch-size-max")).isEqualTo(4.0);
        assertThat(task("batch-size-avg")).isEqualTo(3.0);
        assertThat(task("apply-commit-latency-max")).isGreaterThanOrEqualTo(0.0);
        assertThat(task("retry-total")).isEqualTo(0.0);
        assertThat(context.reported).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void countsRetriesAndTheTimeSinceTheLastCommit(Dialect dialect) throws Exception {
        database = TestDatabase.create(dialect);
        Outage outage = new Outage(database, false);
        start(dialect, new PluginMetricsImpl(registry, TASK_TAGS), outage);
        task.put(approvals(0, 1));
        double afterCommit = task("time-since-last-commit-ms");

        outage.begin();
        assertThatThrownBy(() -> task.put(approvals(2, 1))).isInstanceOf(RetriableException.class);
        assertThatThrownBy(() -> task.put(approvals(2, 1))).isInstanceOf(RetriableException.class);

        assertThat(task("retry-total")).isEqualTo(2.0);
        assertThat(task("batch-total")).isEqualTo(1.0);
        assertThat(task("time-since-last-commit-ms")).isGreaterThanOrEqualTo(afterCommit);
        outage.end();
        task.put(approvals(2, 1));
        assertThat(task("batch-total")).isEqualTo(2.0);
        assertThat(task("retry-total")).isEqualTo(2.0);
    }

    /** A task whose predecessor of the same id still holds its metrics (a stop that timed out) starts without. */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aTaskWhoseMetricsAreStillRegisteredStartsWithout(Dialect dialect) {
        start(dialect, new PluginMetricsImpl(registry, TASK_TAGS), null);
        CommandSinkTask predecessor = task;

        FakeSinkTaskContext second = new FakeSinkTaskContext(true);
        second.pluginMetrics = new PluginMetricsImpl(registry, TASK_TAGS);
        task = new CommandSinkTask();
        task.initialize(second);
        task.start(props());
        task.open(List.of(EVENTS_0));
        task.put(approvals(0, 1));
        predecessor.stop();

        assertThat(database.rows("SELECT event_id FROM domainbridge_inbox")).containsExactly(List.of("e-1"));
        assertThat(mapping("approve", "applied-total")).isEqualTo(0.0);
    }

    /** A context without a registry (a test harness) or without the method (a worker before Kafka 4.1). */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aWorkerWithoutPluginMetricsGetsNoneAndTheSinkWorks(Dialect dialect) {
        start(dialect, null, null);
        task.put(approvals(0, 1));
        task.stop();

        context = new FakeSinkTaskContext(true) {
            @Override
            public PluginMetrics pluginMetrics() {
                throw new NoSuchMethodError("org.apache.kafka.connect.sink.SinkTaskContext.pluginMetrics()");
            }
        };
        task = new CommandSinkTask();
        task.initialize(context);
        task.start(props());
        task.open(List.of(EVENTS_0));
        task.put(List.of(event("e-5", "ClaimApproved", 1, "APPROVED", 2)));

        assertThat(database.rows("SELECT event_id FROM domainbridge_inbox ORDER BY event_id"))
                .containsExactly(List.of("e-1"), List.of("e-5"));
    }

    private void start(Dialect dialect, PluginMetrics metrics, SinkConnection.Source source) {
        if (database == null) {
            database = TestDatabase.create(dialect);
        }
        database.execute(
                "CREATE TABLE claims (claim_id VARCHAR(20) PRIMARY KEY, status VARCHAR(20) NOT NULL)",
                "INSERT INTO claims (claim_id, status) VALUES ('1', 'OPEN'), ('2', 'OPEN')");
        context = new FakeSinkTaskContext(true);
        context.pluginMetrics = metrics;
        task = source == null ? new CommandSinkTask() : new CommandSinkTask(config -> new SinkConnection(source));
        task.initialize(context);
        task.start(props());
        task.open(List.of(EVENTS_0));
    }

    private Map<String, String> props() {
        Map<String, String> props = database.connectionConfig();
        props.put("name", "claims-sink");
        props.put("mappings", "approve");
        props.put("mappings.approve.event.types", "ClaimApproved");
        props.put("mappings.approve.action", "statement");
        props.put(
                "mappings.approve.statement", "UPDATE claims SET status = :data.status WHERE claim_id = :aggregateid");
        props.put("mappings.approve.zero.rows.behavior", "dead-letter");
        props.put("unmatched.behavior", "dead-letter");
        props.put("max.retries", "5");
        props.put("retry.backoff.ms", "0");
        return props;
    }

    /** One approval per claim id, event ids e-(first+1), ... at offsets first+1, ... */
    private static List<SinkRecord> approvals(int first, long... claims) {
        List<SinkRecord> records = new ArrayList<>();
        for (int i = 0; i < claims.length; i++) {
            int n = first + i + 1;
            records.add(event("e-" + n, "ClaimApproved", claims[i], "APPROVED", n));
        }
        return records;
    }

    private double task(String metric) {
        return value(new MetricName(metric, "plugins", "", TASK_TAGS));
    }

    private double mapping(String alias, String metric) {
        Map<String, String> tags = new LinkedHashMap<>(TASK_TAGS);
        tags.put("mapping", alias);
        return value(new MetricName(metric, "plugins", "", tags));
    }

    private double value(MetricName name) {
        assertThat(registry.metrics()).containsKey(name);
        return ((Number) registry.metrics().get(name).metricValue()).doubleValue();
    }

    private static Map<String, String> taskTags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("connector", "claims-sink");
        tags.put("task", "0");
        return tags;
    }
}
