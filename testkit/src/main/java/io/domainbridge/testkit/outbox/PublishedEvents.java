package io.domainbridge.testkit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What a consumer must find on the event topic and the dead-letter topic for the commands of an
 * {@link OutboxScenario}; the expected envelope is derived from the outbox rows the scenario wrote.
 */
public final class PublishedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sourceDomain;

    public PublishedEvents(String sourceDomain) {
        this.sourceDomain = sourceDomain;
    }

    /**
     * Each aggregate's events arrive in commit order (they share a key, hence a partition); across aggregates the
     * topic promises no order.
     */
    public void assertEvents(List<ConsumerRecord<byte[], byte[]>> records, List<OutboxEvent> expected) {
        assertThat(records).hasSize(expected.size());
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byKey = records.stream()
                .collect(Collectors.groupingBy(record -> utf8(record.key()), LinkedHashMap::new, Collectors.toList()));
        Map<String, List<OutboxEvent>> byAggregate = expected.stream()
                .collect(Collectors.groupingBy(OutboxEvent::aggregateId, LinkedHashMap::new, Collectors.toList()));
        assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(byAggregate.keySet());
        byAggregate.forEach((aggregateId, events) -> {
            List<ConsumerRecord<byte[], byte[]>> published = byKey.get(aggregateId);
            assertThat(published).as("events of aggregate %s", aggregateId).hasSameSizeAs(events);
            for (int i = 0; i < events.size(); i++) {
                assertEvent(published.get(i), events.get(i));
            }
        });
    }

    public void assertDeadLetters(
            List<ConsumerRecord<byte[], byte[]>> records, List<OutboxEvent> expected, String topic) {
        assertThat(records).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            OutboxEvent event = expected.get(i);
            assertThat(header(record, "__connect.errors.topic")).isEqualTo(topic);
            assertThat(header(record, "__connect.errors.stage")).isEqualTo("TRANSFORMATION");
            assertThat(header(record, "__connect.errors.class.name"))
                    .isEqualTo("io.domainbridge.transforms.CommandEventEnvelope");
            assertThat(header(record, "__connect.errors.exception.class.name"))
                    .isEqualTo("org.apache.kafka.connect.errors.DataException");
            assertThat(header(record, "__connect.errors.exception.message"))
                    .contains(event.eventType())
                    .contains("'status'")
                    .doesNotContain("unknown");
            assertThat(utf8(record.value())).contains(event.eventId());
        }
    }

    private void assertEvent(ConsumerRecord<byte[], byte[]> record, OutboxEvent event) {
        assertThat(utf8(record.key())).isEqualTo(event.aggregateId());
        assertThat(record.timestamp()).isEqualTo(event.occurredAt().toEpochMilli());
        assertThat(header(record, "domainbridge.event.id")).isEqualTo(event.eventId());
        assertThat(header(record, "domainbridge.event.type")).isEqualTo(event.eventType());
        assertThat(header(record, "domainbridge.correlation.id")).isEqualTo(event.correlationId());

        JsonNode envelope = parse(record.value()).path("payload");
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", event.eventId());
        attributes.put("type", event.eventType());
        attributes.put("source", "/" + sourceDomain + "/" + event.aggregateType());
        attributes.put("subject", event.aggregateId());
        attributes.put("time", event.occurredAt().toEpochMilli());
        attributes.put("specversion", "1.0");
        attributes.put("datacontenttype", "application/json");
        attributes.put("aggregatetype", event.aggregateType());
        attributes.put("aggregateid", event.aggregateId());
        attributes.put("commandid", event.commandId());
        attributes.put("correlationid", event.correlationId());
        attributes.put("causationid", event.causationId());
        attributes.put("sourcedomain", sourceDomain);
        attributes.put("schemaversion", event.schemaVersion());
        attributes.put("data", expectedData(event));
        assertThat(envelope).isEqualTo(tree(attributes));
    }

    /** The declared fields of the payload; undeclared ones are dropped, timestamps become epoch millis. */
    public static Map<String, Object> expectedData(OutboxEvent event) {
        List<String> declared = OutboxScenario.STATUS_CHANGED.equals(event.eventType())
                ? List.of("packageId", "status", "location", "changedAt")
                : List.of("packageId", "trackingCode", "weightGrams");
        Map<String, Object> data = new LinkedHashMap<>();
        for (String field : declared) {
            Object value = event.payload().get(field);
            data.put(
                    field,
                    "changedAt".equals(field) ? Instant.parse((String) value).toEpochMilli() : value);
        }
        return data;
    }

    private static JsonNode tree(Object value) {
        try {
            return JSON.readTree(JSON.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : utf8(header.value());
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
