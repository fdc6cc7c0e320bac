package io.domainbridge.it.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.PostgresDatabase;
import io.domainbridge.testkit.rig.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbox rows that cannot become events, interleaved with good ones, on the real Debezium PostgreSQL connector: each
 * bad row goes to CommandEventEnvelope's dead.letter.topic with Connect's error headers and the good events arrive
 * in order. The payload column is text, so that malformed JSON can be stored at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonInputIT {

    private static final Path CONNECT_CONFIGS =
            Path.of(System.getProperty("domainbridge.connect.configs", "../connect-configs"));
    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final String DEAD_LETTERS = "poison.outbox.dead-letters";
    private static final String EVENTS = "poison.item.events";
    private static final String GOOD = "'Counted', 1, '{\"n\": 1, \"note\": \"fine\", \"extra\": true}'";

    /** (event id, aggregate id, event type, schema version, payload) as SQL literals; ids starting with p are bad. */
    private static final List<String> ROWS = List.of(
            "'g01', 'a1', " + GOOD,
            "'p-malformed-json', 'a1', 'Counted', 1, '{\"n\": 1,'",
            "'g02', 'a1', " + GOOD,
            "'p-wrong-type', 'a1', 'Counted', 1, '{\"n\": \"one\", \"note\": \"x\"}'",
            "'g03', 'a1', " + GOOD,
            "'p-missing-field', 'a1', 'Counted', 1, '{\"note\": \"x\"}'",
            "'g04', 'a1', " + GOOD,
            "'p-null-aggregate', null, 'Counted', 1, '{\"n\": 1, \"note\": \"x\"}'",
            "'g05', 'a1', " + GOOD,
            "'p-blank-type', 'a1', '  ', 1, '{\"n\": 1, \"note\": \"x\"}'",
            "'g06', 'a1', " + GOOD,
            "'p-unknown-type', 'a1', 'Teleported', 1, '{\"n\": 1, \"note\": \"x\"}'",
            "'g07', 'a1', " + GOOD,
            "'p-unknown-version', 'a1', 'Counted', 9, '{\"n\": 1, \"note\": \"x\"}'",
            "'g08', 'a1', " + GOOD,
            "'p-array-payload', 'a1', 'Counted', 1, '[1, 2]'",
            "'g09', 'a1', " + GOOD,
            "'p-string-payload', 'a1', 'Counted', 1, '\"just text\"'",
            "'g10', 'a1', " + GOOD,
            "'p-empty-payload', 'a1', 'Counted', 1, ''",
            "'g11', 'a1', " + GOOD);

    private PostgresDatabase database;
    private ConnectStack stack;
    private EmbeddedConnectCluster connect;

    @BeforeAll
    void start(@TempDir Path pluginPath) {
        database = PostgresDatabase.create("poison");
        database.inTransaction(
                "create schema shipping",
                "create table shipping.outbox (event_id text primary key, aggregate_type text, aggregate_id text,"
                        + " event_type text, command_id uuid, correlation_id uuid, causation_id uuid,"
                        + " occurred_at timestamptz not null default now(), schema_version integer not null default 1,"
                        + " payload text)",
                "create schema bulky",
                "create table bulky.outbox (like shipping.outbox including all)");
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start(getClass().getSimpleName(), pluginPath, 1);
        connect = stack.cluster();
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void badRowsAreDeadLetteredAndGoodEventsArriveInOrder() throws Exception {
        Map<String, String> config = connectorConfig();
        connect.configureConnector("poison-outbox", config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("poison-outbox", 1, "source not running");
        List<String> good = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String row : ROWS) {
            String id = row.substring(1, row.indexOf('\'', 1));
            (id.startsWith("p") ? bad : good).add(id);
            database.inTransaction("insert into shipping.outbox (event_id, aggregate_id, event_type, schema_version,"
                    + " payload, aggregate_type) values (" + row + ", 'item')");
        }

        List<ConsumerRecord<byte[], byte[]>> events = TopicReader.read(connect.kafka(), EVENTS, good.size(), TIMEOUT);
        assertThat(events)
                .extracting(record -> header(record, "domainbridge.event.id"))
                .containsExactlyElementsOf(good);
        List<ConsumerRecord<byte[], byte[]>> dead =
                TopicReader.read(connect.kafka(), DEAD_LETTERS, bad.size(), TIMEOUT);
        assertThat(dead).hasSize(bad.size());
        for (int i = 0; i < bad.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = dead.get(i);
            assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .as(bad.get(i))
                    .contains(bad.get(i));
            assertThat(header(record, "__connect.errors.topic"))
                    .isEqualTo(config.get("topic.prefix") + ".shipping.outbox");
            assertThat(header(record, "__connect.errors.exception.class.name"))
                    .as(bad.get(i))
                    .isEqualTo("org.apache.kafka.connect.errors.DataException");
            assertThat(header(record, "__connect.errors.exception.message"))
                    .as(bad.get(i))
                    .isNotBlank();
        }
        connect.deleteConnector("poison-outbox");
    }

    /**
     * An event larger than the broker accepts is not a transform error, so it cannot reach dead.letter.topic: the
     * producer rejects it, Connect's errors.tolerance=all skips it, and the events after it still arrive.
     */
    @Test
    void anEventTooLargeForTheBrokerIsSkippedAndLaterEventsArrive() throws Exception {
        Map<String, String> config = connectorConfig();
        config.put("table.include.list", "bulky.outbox");
        config.put("slot.name", PostgresDatabase.uniqueName("slot"));
        config.put("publication.name", PostgresDatabase.uniqueName("publication"));
        config.put("topic.prefix", database.name() + "_bulky");
        config.put("transforms.envelope.topic.pattern", "bulky.${aggregatetype}.events");
        config.put("errors.tolerance", "all");
        connect.configureConnector("bulky-outbox", config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("bulky-outbox", 1, "source not running");
        String huge = "x".repeat(2 * 1024 * 1024);
        for (String id : List.of("b1", "p-oversized", "b2")) {
            String note = id.startsWith("p") ? huge : "fine";
            database.inTransaction("insert into bulky.outbox (event_id, aggregate_type, aggregate_id, event_type,"
                    + " payload) values ('" + id + "', 'item', 'a1', 'Counted', '{\"n\": 1, \"note\": \"" + note
                    + "\"}')");
        }

        List<ConsumerRecord<byte[], byte[]>> events =
                TopicReader.read(connect.kafka(), "bulky.item.events", 2, TIMEOUT);
        assertThat(events)
                .extracting(record -> header(record, "domainbridge.event.id"))
                .containsExactly("b1", "b2");
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("bulky-outbox", 1, "source failed");
        connect.deleteConnector("bulky-outbox");
    }

    private Map<String, String> connectorConfig() throws Exception {
        Map<String, String> config = new LinkedHashMap<>(new ObjectMapper()
                .readValue(
                        Files.readString(CONNECT_CONFIGS.resolve("shipping/logistics-outbox-source.json")),
                        new TypeReference<Map<String, String>>() {}));
        config.put("database.hostname", database.host());
        config.put("database.port", Integer.toString(database.port()));
        config.put("database.user", database.user());
        config.put("database.password", database.password());
        config.put("database.dbname", database.name());
        config.put("slot.name", PostgresDatabase.uniqueName("slot"));
        config.put("publication.name", PostgresDatabase.uniqueName("publication"));
        config.put("topic.prefix", database.name());
        config.put("transforms.envelope.source.domain", "poison");
        config.put("transforms.envelope.data.schemas", "Counted@1{n:int32, note:string}");
        config.put("transforms.envelope.dead.letter.topic", DEAD_LETTERS);
        return config;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
