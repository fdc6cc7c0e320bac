package io.domainbridge.it.hardening;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.TopicReader;
import io.domainbridge.testkit.sink.ConsumerDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records on an event topic that cannot become commands, interleaved with good ones for the same aggregate, read by
 * the command sink through the CloudEvents converter: bytes that are not UTF-8, malformed JSON, missing and mistyped
 * envelope attributes, an unknown event type, a check-constraint violation, a value too long for its column and a
 * NUL character and a number that is text. Each bad record reaches the dead-letter topic byte for byte with Connect's error headers; the good
 * events are applied once each, in the order they were produced.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SinkPoisonInputIT {

    private static final String TOPIC = "poison.item.events";
    private static final String DEAD_LETTERS = "poison.sink.dead-letters";
    private static final String CONNECTOR = "poison-sink";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final byte NOT_UTF8 = (byte) 0xFF;

    private final ObjectMapper json = new ObjectMapper();
    private ConsumerDatabase database;
    private ConnectStack stack;
    private EmbeddedConnectCluster connect;

    /** One record as produced: its id (bad ones start with p), headers and value bytes. */
    private record Produced(String id, RecordHeaders headers, byte[] value) {}

    @BeforeAll
    void start(@TempDir Path pluginPath) {
        database = ConsumerDatabase.postgres();
        database.execute("create table journal (seq bigserial primary key, event_id varchar(64) not null,"
                + " n int not null, note varchar(20) not null check (note <> 'forbidden'))");
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start(getClass().getSimpleName(), pluginPath, 1);
        connect = stack.cluster();
        connect.kafka().createTopic(TOPIC, 1);
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
    void badRecordsAreDeadLetteredAndGoodEventsAreAppliedOnceInOrder() throws Exception {
        List<Produced> records = new ArrayList<>();
        records.add(structured("g01", event("g01", "Noted", 1, "fine")));
        records.add(structured("p-not-utf8-value", notUtf8(event("p-not-utf8-value", "Noted", 1, "bad*byte"))));
        records.add(binary("g02", "Noted", "{\"n\": 2, \"note\": \"binary mode\"}".getBytes(UTF_8)));
        records.add(binaryWithHeader("p-not-utf8-header", "ce_type", new byte[] {'N', NOT_UTF8, 't', 'e', 'd'}));
        records.add(structured("g03", event("g03", "Noted", 3, "fine")));
        records.add(structured("p-malformed-json", "{\"specversion\": \"1.0\", \"id\": \"p-malformed-json\", \"da"));
        records.add(structured("g04", event("g04", "Noted", 4, "fine")));
        records.add(structured("p-missing-id", without(event("p-missing-id", "Noted", 1, "x"), "id")));
        records.add(structured("g05", event("g05", "Noted", 5, "fine")));
        records.add(structured("p-time-not-a-string", with(event("p-time-not-a-string", "Noted", 1, "x"), "time", 7)));
        records.add(structured("g06", event("g06", "Noted", 6, "fine")));
        records.add(structured("p-unknown-type", event("p-unknown-type", "Teleported", 1, "x")));
        records.add(structured("g07", event("g07", "Noted", 7, "fine")));
        records.add(structured("p-check-violation", event("p-check-violation", "Noted", 1, "forbidden")));
        records.add(structured("g08", event("g08", "Noted", 8, "fine")));
        records.add(structured("p-too-long", event("p-too-long", "Noted", 1, "x".repeat(500))));
        records.add(structured("g09", event("g09", "Noted", 9, "fine")));
        records.add(structured("p-nul-character", event("p-nul-character", "Noted", 1, "a\u0000b")));
        records.add(structured("g10", event("g10", "Noted", 10, "fine")));
        records.add(structured(
                "p-n-not-a-number",
                with(event("p-n-not-a-number", "Noted", 1, "x"), "data", Map.of("n", "one", "note", "x"))));
        records.add(structured("g11", event("g11", "Noted", 11, "fine")));

        connect.configureConnector(CONNECTOR, sinkConfig());
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "sink not running");
        try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of())) {
            for (Produced record : records) {
                producer.send(
                        new ProducerRecord<>(TOPIC, null, "a1".getBytes(UTF_8), record.value(), record.headers()));
            }
        }
        List<String> good = records.stream()
                .map(Produced::id)
                .filter(id -> id.startsWith("g"))
                .toList();
        List<Produced> bad =
                records.stream().filter(record -> record.id().startsWith("p")).toList();

        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> assertThat(
                        database.column("select event_id from journal order by seq"))
                .containsExactlyElementsOf(good));
        List<ConsumerRecord<byte[], byte[]>> dead =
                TopicReader.read(connect.kafka(), DEAD_LETTERS, bad.size(), TIMEOUT);
        assertThat(dead).hasSize(bad.size());
        for (int i = 0; i < bad.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = dead.get(i);
            assertThat(record.value()).as(bad.get(i).id()).isEqualTo(bad.get(i).value());
            assertThat(header(record, "__connect.errors.topic"))
                    .as(bad.get(i).id())
                    .isEqualTo(TOPIC);
            assertThat(header(record, "__connect.errors.exception.class.name"))
                    .as(bad.get(i).id())
                    .isNotBlank();
            assertThat(header(record, "__connect.errors.exception.message"))
                    .as(bad.get(i).id())
                    .isNotBlank();
        }
        assertThat(database.column("select count(*) from domainbridge_inbox where consumer = 'poison'"))
                .containsExactly(Integer.toString(good.size()));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning(CONNECTOR, 1, "sink failed");
        connect.deleteConnector(CONNECTOR);
    }

    private Map<String, Object> event(String id, String type, int n, String note) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("type", type);
        event.put("source", "/poison/item");
        event.put("time", "2026-11-27T09:00:00Z");
        event.put("aggregatetype", "item");
        event.put("aggregateid", "a1");
        event.put("sourcedomain", "poison");
        event.put("datacontenttype", "application/json");
        event.put("data", Map.of("n", n, "note", note));
        return event;
    }

    private static Map<String, Object> without(Map<String, Object> event, String attribute) {
        event.remove(attribute);
        return event;
    }

    private static Map<String, Object> with(Map<String, Object> event, String attribute, Object value) {
        event.put(attribute, value);
        return event;
    }

    private Produced structured(String id, Map<String, Object> event) throws Exception {
        return structured(id, json.writeValueAsString(event));
    }

    private static Produced structured(String id, String value) {
        return structured(id, value.getBytes(UTF_8));
    }

    private static Produced structured(String id, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/cloudevents+json".getBytes(UTF_8));
        return new Produced(id, headers, value);
    }

    /** The event's JSON with the first '*' replaced by a byte that never occurs in UTF-8. */
    private byte[] notUtf8(Map<String, Object> event) throws Exception {
        byte[] bytes = json.writeValueAsBytes(event);
        int at = new String(bytes, UTF_8).indexOf('*');
        bytes[at] = NOT_UTF8;
        return bytes;
    }

    /** A binary-mode CloudEvent: attributes in ce_ headers, the data alone as the value. */
    private static Produced binary(String id, String type, byte[] data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", id.getBytes(UTF_8));
        headers.add("ce_type", type.getBytes(UTF_8));
        headers.add("ce_source", "/poison/item".getBytes(UTF_8));
        headers.add("ce_aggregatetype", "item".getBytes(UTF_8));
        headers.add("ce_aggregateid", "a1".getBytes(UTF_8));
        headers.add("ce_sourcedomain", "poison".getBytes(UTF_8));
        headers.add("content-type", "application/json".getBytes(UTF_8));
        return new Produced(id, headers, data);
    }

    private static Produced binaryWithHeader(String id, String key, byte[] value) {
        Produced record = binary(id, "Noted", "{\"n\": 1, \"note\": \"x\"}".getBytes(UTF_8));
        record.headers().remove(key);
        record.headers().add(key, value);
        return record;
    }

    private Map<String, String> sinkConfig() {
        Map<String, String> config = database.sinkConfig(TOPIC);
        config.put("consumer.name", "poison");
        config.put("value.converter", "io.domainbridge.converters.CloudEventsConverter");
        config.put("mappings", "noted");
        config.put("mappings.noted.event.types", "Noted");
        config.put("mappings.noted.action", "statement");
        config.put(
                "mappings.noted.statement",
                "INSERT INTO journal (event_id, n, note) VALUES (:id, :data.n, :data.note)");
        config.put("unmatched.behavior", "dead-letter");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", DEAD_LETTERS);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        return config;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
