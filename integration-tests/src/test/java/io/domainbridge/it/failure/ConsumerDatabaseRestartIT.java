package io.domainbridge.it.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.failure.EventPacer;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.PostgresServer;
import io.domainbridge.testkit.sink.ConsumerDatabase;
import io.domainbridge.testkit.sink.PackageStream;
import io.domainbridge.testkit.sink.SinkEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer's PostgreSQL server goes away while the command sink is applying a steady stream of events: first a
 * crash ({@code pg_ctl -m immediate}, then crash recovery), later a clean stop and a few seconds without any server,
 * during which the worker also restarts the sink's task, which so starts and gets its partition without a database.
 * The sink retries through both, and in the end the consumer tables say what the events say, each event id is in the
 * inbox exactly once and nothing was dead-lettered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerDatabaseRestartIT {

    private static final Path CONNECT_CONFIGS =
            Path.of(System.getProperty("domainbridge.connect.configs", "../connect-configs"));
    private static final int FACTOR = Integer.getInteger("domainbridge.soak.factor", 1);
    private static final int EVENTS_PER_SECOND = 100 * FACTOR;
    /** Events the sink applies between the steps of the test: two seconds of the stream. */
    private static final int STEP = 2 * EVENTS_PER_SECOND;

    private static final int PACKAGES = 25;
    private static final Duration OUTAGE = Duration.ofSeconds(4);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String CONNECTOR = "restarted-database-sink";
    private static final String CONSUMER = "restarted-database";
    private static final String TOPIC = "restart.db.package.events";
    private static final String DEAD_LETTERS = CONSUMER + ".dead-letters";

    private PostgresServer server;
    private ConsumerDatabase database;
    private ConnectStack stack;
    private EmbeddedConnectCluster connect;
    private final PackageStream stream = new PackageStream(new SinkEvents(), "db-", 1, PACKAGES);

    @BeforeAll
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void start(@TempDir Path pluginPath) throws Exception {
        server = PostgresServer.start();
        database = ConsumerDatabase.on(server, "consumer");
        database.execute(
                "create table deliveries (package_id bigint primary key, status varchar(20) not null,"
                        + " changed_at timestamptz null, applied_count int not null default 0)",
                "insert into deliveries (package_id, status) select id, 'REGISTERED' from generate_series("
                        + stream.firstPackage() + ", " + stream.lastPackage() + ") id",
                "create table package_locations (package_id bigint primary key, location varchar(100) not null,"
                        + " seq_no bigint not null)");
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start(getClass().getSimpleName(), pluginPath, 1);
        connect = stack.cluster();
        connect.kafka().createTopic(TOPIC, 1);
        connect.kafka().createTopic(DEAD_LETTERS, 1);
        connect.configureConnector(CONNECTOR, sinkConfig());
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "sink not running");
    }

    @AfterAll
    void stop() {
        try {
            if (connect != null) {
                connect.deleteConnector(CONNECTOR);
            }
        } finally {
            try {
                if (stack != null) {
                    stack.close();
                }
            } finally {
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theSinkRetriesThroughACrashAndAnOutageWithATaskRestartAndAppliesEveryEventOnce() throws Exception {
        int sent;
        try (EventPacer pacer = new EventPacer(connect.kafka(), TOPIC, EVENTS_PER_SECOND)) {
            pacer.start(stream);
            awaitInbox(count -> count >= STEP);

            String crashedAt = serverClock();
            server.restartImmediately();
            String recoveredAt = serverStartTime();
            int appliedAtCrash = inboxCount();
            awaitInbox(count -> count >= appliedAtCrash + STEP);

            String stoppedAt = serverClock();
            server.stop();
            connect.restartTask(CONNECTOR, 0);
            // holding the outage, not waiting for a condition
            LockSupport.parkNanos(OUTAGE.toNanos());
            assertThat(connect.connectorStatus(CONNECTOR).tasks().get(0).state())
                    .as("task restarted while its database was down")
                    .isEqualTo("RUNNING");
            server.startAgain();
            String restartedAt = serverStartTime();
            int appliedAtRestart = inboxCount();
            awaitInbox(count -> count >= appliedAtRestart + STEP);

            sent = pacer.finish(TIMEOUT);
            awaitInbox(count -> count == sent);
            assertThat(appliedBetween("'-infinity'", crashedAt))
                    .as("applied before the crash")
                    .isPositive();
            assertThat(appliedBetween(recoveredAt, stoppedAt))
                    .as("applied between crash and stop")
                    .isPositive();
            assertThat(appliedBetween(restartedAt, "'infinity'"))
                    .as("applied after the outage")
                    .isPositive();
        }

        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "sink not running at the end");
        String packages = " order by package_id";
        assertThat(database.column(
                        "select concat(package_id, ':', status, ':', applied_count) from deliveries" + packages))
                .containsExactlyElementsOf(stream.expectedDeliveries());
        assertThat(database.column(
                        "select concat(package_id, ':', location, ':', seq_no) from package_locations" + packages))
                .containsExactlyElementsOf(stream.expectedLocations());
        assertThat(database.column("select event_id from domainbridge_inbox where consumer = '" + CONSUMER + "'"))
                .containsExactlyInAnyOrderElementsOf(stream.ids());
        assertThat(database.column("select concat(topic, ':', kafka_partition, ':', next_offset)"
                        + " from domainbridge_offsets where consumer = '" + CONSUMER + "'"))
                .containsExactly(TOPIC + ":0:" + sent);
        assertThat(connect.kafka().consumeAll(TIMEOUT.toMillis(), DEAD_LETTERS).count())
                .as("dead-lettered records")
                .isZero();
    }

    private Map<String, String> sinkConfig() throws Exception {
        Map<String, String> props = new HashMap<>(new ObjectMapper()
                .readValue(
                        Files.readString(CONNECT_CONFIGS.resolve("examples/customer-service-sink.json")),
                        new TypeReference<Map<String, String>>() {}));
        props.put("topics", TOPIC);
        props.put("consumer.name", CONSUMER);
        props.put("connection.url", database.url());
        props.put("connection.user", database.user());
        props.put("connection.password", database.password());
        props.put("errors.deadletterqueue.topic.name", DEAD_LETTERS);
        props.put("errors.deadletterqueue.topic.replication.factor", "1");
        // ten retries a second apart outlast the outage
        props.put("retry.backoff.ms", "1000");
        props.put("max.retries", "10");
        return props;
    }

    /** The server's clock now, as a SQL literal. */
    private String serverClock() {
        return "'" + database.column("select clock_timestamp()").get(0) + "'";
    }

    /** When the running server started, as a SQL literal: everything committed since, it committed. */
    private String serverStartTime() {
        return "'" + database.column("select pg_postmaster_start_time()").get(0) + "'";
    }

    private int appliedBetween(String from, String until) {
        return Integer.parseInt(database.column("select count(*) from domainbridge_inbox where consumer = '" + CONSUMER
                        + "' and applied_at >= " + from + "::timestamptz and applied_at < " + until + "::timestamptz")
                .get(0));
    }

    private int inboxCount() {
        return Integer.parseInt(
                database.column("select count(*) from domainbridge_inbox where consumer = '" + CONSUMER + "'")
                        .get(0));
    }

    private void awaitInbox(IntPredicate condition) {
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(inboxCount())
                        .as("events in the inbox")
                        .matches(condition::test, "the expected number"));
    }
}
