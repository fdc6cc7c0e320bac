package io.domainbridge.it.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.TopicReader;
import io.domainbridge.testkit.sink.ConsumerDatabase;
import io.domainbridge.testkit.sink.PackageStream;
import io.domainbridge.testkit.sink.SinkEvents;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command sink, loaded from the bundle on plugin.path, applies events and replicated rows to a consumer
 * database, configured by the example connector JSON. One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CommandSinkIT {

    private static final Path CONNECT_CONFIGS =
            Path.of(System.getProperty("domainbridge.connect.configs", "../connect-configs"));
    private static final String CONNECTOR = "customer-service-sink";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String RESTART_CONNECTOR = "restart-sink";
    private static final String RESTART_CONSUMER = "restart-service";
    private static final String RESTART_TOPIC = "restart.package.events";
    private static final int STREAM_LENGTH = 400;

    private ConnectStack stack;
    private EmbeddedConnectCluster connect;
    private ConsumerDatabase database;
    private Map<String, String> config;
    private final SinkEvents events = new SinkEvents();

    @BeforeAll
    void start(@TempDir Path pluginPath) throws Exception {
        database = openDatabase();
        database.execute(
                "create table deliveries (package_id bigint primary key, status varchar(20) not null"
                        + " check (status in ('REGISTERED', 'SHIPPED', 'DELIVERED')), changed_at "
                        + database.timestampType() + " null, applied_count int not null default 0)",
                "insert into deliveries (package_id, status) values " + registeredPackages(1, 20),
                "create table package_locations (package_id bigint primary key, location varchar(100) not null,"
                        + " seq_no bigint not null)",
                "create table crm_customers (customer_id bigint primary key, display_name varchar(100) not null,"
                        + " contact_email varchar(100))");
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start(getClass().getSimpleName(), pluginPath, 1);
        connect = stack.cluster();
        connect.kafka().createTopic(SinkEvents.EVENTS, 1);
        connect.kafka().createTopic(SinkEvents.CUSTOMERS, 1);
        config = example();
        connect.configureConnector(CONNECTOR, config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "sink not running");
    }

    @AfterAll
    void stop() {
        if (connect != null) {
            connect.deleteConnector(CONNECTOR);
        }
        if (stack != null) {
            stack.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void envelopeEventsRunTheStatementMapping() {
        produce(SinkEvents.EVENTS, "1", events.statusChanged("s-1", 1, "SHIPPED"));
        produce(SinkEvents.EVENTS, "1", events.statusChanged("s-2", 1, "DELIVERED"));
        produce(SinkEvents.EVENTS, "2", events.statusChanged("s-3", 2, "SHIPPED"));

        awaitRows(
                "select concat(package_id, ':', status, ':', case when changed_at is null then 'n' else 'y' end)"
                        + " from deliveries"
                        + " where package_id in (1, 2) order by package_id",
                "1:DELIVERED:y",
                "2:SHIPPED:y");
    }

    @Test
    void eventsDeliveredTwiceAreAppliedOnce() {
        for (int round = 0; round < 2; round++) {
            produce(SinkEvents.EVENTS, "3", events.statusChanged("d-1", 3, "SHIPPED"));
            produce(SinkEvents.EVENTS, "4", events.statusChanged("d-2", 4, "SHIPPED"));
        }
        produce(SinkEvents.EVENTS, "5", events.statusChanged("d-3", 5, "DELIVERED"));

        awaitRows(
                "select concat(package_id, ':', applied_count) from deliveries where package_id in (3, 4, 5)"
                        + " order by package_id",
                "3:1",
                "4:1",
                "5:1");
        assertThat(database.column("select count(*) from domainbridge_inbox where consumer = 'customer-service'"
                        + " and event_id in ('d-1', 'd-2', 'd-3')"))
                .containsExactly("3");
    }

    @Test
    void replicatedRowsAreUpsertedAndDeletedUnderOtherColumnNames() {
        produce(SinkEvents.CUSTOMERS, "10", events.customer("c", 10, "Ada Lovelace", "ada@example.org"));
        produce(SinkEvents.CUSTOMERS, "11", events.customer("r", 11, "Grace Hopper", null));
        produce(SinkEvents.CUSTOMERS, "10", events.customer("u", 10, "Ada King", "ada@example.org"));
        produce(SinkEvents.CUSTOMERS, "11", events.customer("d", 11, "Grace Hopper", null));
        produce(SinkEvents.CUSTOMERS, "12", events.customer("c", 12, "Alan Turing", null));

        awaitRows(
                "select concat(customer_id, ':', display_name, ':', coalesce(contact_email, '-'))"
                        + " from crm_customers order by customer_id",
                "10:Ada King:ada@example.org",
                "12:Alan Turing:-");
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterQueueAndTheRestLands() {
        produce(SinkEvents.EVENTS, "6", events.statusChanged("p-1", 6, "SHIPPED"));
        produce(SinkEvents.EVENTS, "7", events.statusChanged("p-2", 7, "LOST"));
        produce(SinkEvents.EVENTS, "8", events.statusChanged("p-3", 8, "DELIVERED"));

        awaitRows(
                "select concat(package_id, ':', status) from deliveries where package_id in (6, 7, 8)"
                        + " order by package_id",
                "6:SHIPPED",
                "7:REGISTERED",
                "8:DELIVERED");
        List<ConsumerRecord<byte[], byte[]>> dead =
                TopicReader.read(connect.kafka(), config.get("errors.deadletterqueue.topic.name"), 1, TIMEOUT);
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("7");
        assertThat(new String(
                        dead.get(0)
                                .headers()
                                .lastHeader("__connect.errors.topic")
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo(SinkEvents.EVENTS);
        assertThat(database.column("select count(*) from domainbridge_inbox where event_id = 'p-2'"))
                .containsExactly("0");
    }

    @Test
    void theVersionGuardKeepsANewerRowAgainstAnOlderEvent() {
        produce(SinkEvents.EVENTS, "9", events.located("v-1", 9, "Hub Utrecht", 1));
        produce(SinkEvents.EVENTS, "9", events.located("v-3", 9, "Depot Amsterdam", 3));
        produce(SinkEvents.EVENTS, "9", events.located("v-2", 9, "Hub Amersfoort", 2));
        produce(SinkEvents.EVENTS, "19", events.located("v-4", 19, "Hub Utrecht", 1));

        awaitRows(
                "select concat(package_id, ':', location, ':', seq_no) from package_locations"
                        + " where package_id in (9, 19) order by package_id",
                "9:Depot Amsterdam:3",
                "19:Hub Utrecht:1");
        assertThat(database.column("select count(*) from domainbridge_inbox where event_id like 'v-%'"))
                .containsExactly("4");
    }

    @Test
    void aConnectorStoppedMidStreamResumesWhereTheDatabaseIsAndAppliesEachEventOnce() throws Exception {
        PackageStream stream = new PackageStream(events, "r-", 101, 10);
        database.execute("insert into deliveries (package_id, status) values "
                + registeredPackages(stream.firstPackage(), stream.lastPackage()));
        connect.kafka().createTopic(RESTART_TOPIC, 1);
        connect.configureConnector(RESTART_CONNECTOR, restartConfig());
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(RESTART_CONNECTOR, 1, "sink not running");
        produce(RESTART_TOPIC, stream.next(1));
        awaitInbox(count -> count == 1);

        List<PackageStream.Event> live = stream.next(STREAM_LENGTH);
        ExecutorService producer = Executors.newSingleThreadExecutor();
        try {
            Future<?> streaming = producer.submit(() -> produceSteadily(live));
            awaitInbox(count -> count >= STREAM_LENGTH / 4);
            connect.stopConnector(RESTART_CONNECTOR);
            connect.assertions().assertConnectorIsStopped(RESTART_CONNECTOR, "sink not stopped");
            int appliedAtStop = inboxCount();
            streaming.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(appliedAtStop)
                    .as("events applied when the stop took effect")
                    .isLessThan(1 + live.size());
            assertThat(inboxCount()).as("nothing applied while stopped").isEqualTo(appliedAtStop);
        } finally {
            producer.shutdownNow();
        }

        connect.resumeConnector(RESTART_CONNECTOR);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(RESTART_CONNECTOR, 1, "sink not resumed");
        awaitInbox(count -> count == stream.ids().size());
        produce(RESTART_TOPIC, stream.replay(STREAM_LENGTH / 4));
        produce(RESTART_TOPIC, stream.next(1));
        awaitInbox(count -> count == stream.ids().size());

        String packages = " where package_id between " + stream.firstPackage() + " and " + stream.lastPackage()
                + " order by package_id";
        assertThat(database.column(
                        "select concat(package_id, ':', status, ':', applied_count) from deliveries" + packages))
                .containsExactlyElementsOf(stream.expectedDeliveries());
        assertThat(database.column(
                        "select concat(package_id, ':', location, ':', seq_no) from package_locations" + packages))
                .containsExactlyElementsOf(stream.expectedLocations());
        assertThat(database.column(
                        "select event_id from domainbridge_inbox where consumer = '" + RESTART_CONSUMER + "'"))
                .containsExactlyInAnyOrderElementsOf(stream.ids());
        int produced = 1 + STREAM_LENGTH + STREAM_LENGTH / 4 + 1;
        assertThat(database.column("select concat(topic, ':', kafka_partition, ':', next_offset)"
                        + " from domainbridge_offsets where consumer = '" + RESTART_CONSUMER + "'"))
                .containsExactly(RESTART_TOPIC + ":0:" + produced);
        connect.deleteConnector(RESTART_CONNECTOR);
    }

    abstract ConsumerDatabase openDatabase();

    private Map<String, String> restartConfig() {
        Map<String, String> props = new HashMap<>(config);
        props.put("topics", RESTART_TOPIC);
        props.put("consumer.name", RESTART_CONSUMER);
        props.put("errors.deadletterqueue.topic.name", RESTART_CONSUMER + ".dead-letters");
        return props;
    }

    /** Produces about one event every 5 ms, so that the stream is still flowing when the connector is stopped. */
    private void produceSteadily(List<PackageStream.Event> stream) {
        for (PackageStream.Event event : stream) {
            produce(RESTART_TOPIC, event.key(), event.value());
            // pacing the producer, not waiting for a condition
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    private void produce(String topic, List<PackageStream.Event> stream) {
        stream.forEach(event -> produce(topic, event.key(), event.value()));
    }

    private int inboxCount() {
        return Integer.parseInt(
                database.column("select count(*) from domainbridge_inbox where consumer = '" + RESTART_CONSUMER + "'")
                        .get(0));
    }

    private void awaitInbox(IntPredicate condition) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> condition.test(inboxCount()));
    }

    private static String registeredPackages(long first, long last) {
        StringBuilder values = new StringBuilder();
        for (long id = first; id <= last; id++) {
            values.append(id == first ? "" : ", ").append("(").append(id).append(", 'REGISTERED')");
        }
        return values.toString();
    }

    private void produce(String topic, String key, String value) {
        connect.kafka().produce(topic, key, value);
    }

    private void awaitRows(String query, String... expected) {
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(database.column(query)).containsExactly(expected));
    }

    private Map<String, String> example() throws Exception {
        Map<String, String> example = new ObjectMapper()
                .readValue(
                        Files.readString(CONNECT_CONFIGS.resolve("examples/customer-service-sink.json")),
                        new TypeReference<Map<String, String>>() {});
        Map<String, String> props = new HashMap<>(example);
        props.put("connection.url", database.url());
        props.put("connection.user", database.user());
        props.put("connection.password", database.password());
        props.put("errors.deadletterqueue.topic.replication.factor", "1");
        return props;
    }
}
