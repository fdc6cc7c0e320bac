package io.domainbridge.it.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.domainbridge.testkit.outbox.OutboxEvent;
import io.domainbridge.testkit.outbox.OutboxScenario;
import io.domainbridge.testkit.outbox.PostgresOutbox;
import io.domainbridge.testkit.outbox.PublishedEvents;
import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PluginArchive;
import io.domainbridge.testkit.rig.PostgresDatabase;
import io.domainbridge.testkit.rig.TopicReader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that is not a Connect sink reads our events: outbox rows become envelopes (CommandEventEnvelope), the
 * CloudEventsConverter writes them in binary mode with Avro data without a registry, and a plain KafkaConsumer with
 * the CloudEvents Java SDK's deserializer reads the attributes, while Apache Avro decodes the data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudEventsOutboxIT {

    static final Path CONNECT_CONFIGS =
            Path.of(System.getProperty("domainbridge.connect.configs", "../connect-configs"));
    static final Duration TIMEOUT = Duration.ofSeconds(90);

    /** The Avro schemas of the declared data, as a user lists them in avro.schemas for single-object encoding. */
    static final String STATUS_CHANGED_AVRO = "{\"type\":\"record\",\"name\":\"PackageStatusChanged\","
            + "\"namespace\":\"io.domainbridge.data\",\"fields\":["
            + "{\"name\":\"packageId\",\"type\":\"long\"},"
            + "{\"name\":\"status\",\"type\":\"string\"},"
            + "{\"name\":\"location\",\"type\":[\"null\",\"string\"],\"default\":null},"
            + "{\"name\":\"changedAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}}]}";

    static final String REGISTERED_AVRO = "{\"type\":\"record\",\"name\":\"PackageRegistered\","
            + "\"namespace\":\"io.domainbridge.data\",\"fields\":["
            + "{\"name\":\"packageId\",\"type\":\"long\"},"
            + "{\"name\":\"trackingCode\",\"type\":\"string\"},"
            + "{\"name\":\"weightGrams\",\"type\":\"int\"}]}";

    ConnectStack stack;
    EmbeddedConnectCluster connect;

    @BeforeAll
    void startStack(@TempDir Path pluginPath) {
        PluginArchive.installInto(pluginPath);
        stack = ConnectStack.start(getClass().getSimpleName(), pluginPath, 1);
        connect = stack.cluster();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void cloudEventsSdkReadsEveryEventWithItsAttributesAndAvroData() throws Exception {
        try (PostgresOutbox source = new PostgresOutbox(PostgresDatabase.create("cloudevents"))) {
            OutboxScenario scenario = new OutboxScenario(source);
            scenario.createSourceDomain();
            Map<String, String> config =
                    source.connectorConfig(example(), connect.kafka().bootstrapServers());
            config.put("value.converter", "io.domainbridge.converters.CloudEventsConverter");
            config.put("value.converter.data.encoding", "avro");
            config.put("value.converter.avro.schemas", "[" + STATUS_CHANGED_AVRO + "," + REGISTERED_AVRO + "]");
            config.put("value.converter.passthrough.converter", "org.apache.kafka.connect.json.JsonConverter");
            config.put("value.converter.passthrough.schemas.enable", "true");
            connect.configureConnector("logistics-cloudevents", config);
            connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("logistics-cloudevents", 1, "not running");

            String sourceDomain = config.get("transforms.envelope.source.domain");
            String topic = sourceDomain + "." + OutboxScenario.AGGREGATE_TYPE + ".events";
            TopicReader.read(connect.kafka(), topic, 1, TIMEOUT);

            scenario.runCommands();

            List<ConsumerRecord<String, CloudEvent>> events =
                    readCloudEvents(topic, scenario.published().size());
            assertReadAsPublished(events, scenario.published(), sourceDomain);
            connect.deleteConnector("logistics-cloudevents");
        }
    }

    private static void assertReadAsPublished(
            List<ConsumerRecord<String, CloudEvent>> records, List<OutboxEvent> published, String sourceDomain)
            throws java.io.IOException {
        assertThat(records).hasSize(published.size());
        Map<String, CloudEvent> byId = new LinkedHashMap<>();
        for (ConsumerRecord<String, CloudEvent> record : records) {
            byId.put(record.value().getId(), record.value());
            assertThat(record.key()).isEqualTo(record.value().getSubject());
        }
        for (OutboxEvent expected : published) {
            CloudEvent event = byId.get(expected.eventId());
            assertThat(event).as("event %s", expected.eventId()).isNotNull();
            assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
            assertThat(event.getType()).isEqualTo(expected.eventType());
            assertThat(event.getSource().toString()).isEqualTo("/" + sourceDomain + "/" + expected.aggregateType());
            assertThat(event.getSubject()).isEqualTo(expected.aggregateId());
            assertThat(event.getTime().toInstant())
                    .isEqualTo(expected.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(event.getDataContentType()).isEqualTo("application/avro");
            assertThat(String.valueOf(event.getExtension("aggregateid"))).isEqualTo(expected.aggregateId());
            assertThat(String.valueOf(event.getExtension("aggregatetype"))).isEqualTo(expected.aggregateType());
            assertThat(String.valueOf(event.getExtension("commandid"))).isEqualTo(expected.commandId());
            assertThat(String.valueOf(event.getExtension("correlationid"))).isEqualTo(expected.correlationId());
            assertThat(String.valueOf(event.getExtension("causationid"))).isEqualTo(expected.causationId());
            assertThat(String.valueOf(event.getExtension("sourcedomain"))).isEqualTo(sourceDomain);
            assertThat(String.valueOf(event.getExtension("schemaversion")))
                    .isEqualTo(Integer.toString(expected.schemaVersion()));
            assertThat(avroData(event, expected.eventType())).isEqualTo(PublishedEvents.expectedData(expected));
        }
    }

    /** The data, decoded by Apache Avro's own single-object decoder into plain values. */
    private static Map<String, Object> avroData(CloudEvent event, String type) throws java.io.IOException {
        Schema schema = new Schema.Parser()
                .parse(OutboxScenario.REGISTERED.equals(type) ? REGISTERED_AVRO : STATUS_CHANGED_AVRO);
        GenericRecord record = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), schema)
                .decode(ByteBuffer.wrap(event.getData().toBytes()));
        Map<String, Object> data = new LinkedHashMap<>();
        for (Schema.Field field : schema.getFields()) {
            Object value = record.get(field.name());
            data.put(field.name(), value instanceof CharSequence text ? text.toString() : value);
        }
        return data;
    }

    private List<ConsumerRecord<String, CloudEvent>> readCloudEvents(String topic, int count) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connect.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "billing-service",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, CloudEvent>> records = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static Map<String, String> example() throws Exception {
        return new ObjectMapper()
                .readValue(
                        Files.readString(CONNECT_CONFIGS.resolve(OutboxPathIT.EXAMPLE_JSON)), new TypeReference<>() {});
    }
}
