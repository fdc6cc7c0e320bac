package io.domainbridge.testkit.boundary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A record as a consumer reads it from the topic, written by Connect's {@code JsonConverter} with schemas. */
public record PublishedRecord(String text, JsonNode key, JsonNode value, Map<String, String> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static PublishedRecord of(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Header header : record.headers()) {
            String value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            headers.put(header.key(), value);
            text.append(header.key()).append('=').append(value).append('\n');
        }
        text.append(utf8(record.key())).append('\n').append(utf8(record.value()));
        return new PublishedRecord(text.toString(), parse(record.key()), parse(record.value()), headers);
    }

    public boolean isTombstone() {
        return value == null;
    }

    public String op() {
        return value.path("payload").path("op").asText();
    }

    /** The {@code before} or {@code after} row of the change event, or null when the event has none. */
    public JsonNode row(String which) {
        JsonNode row = value.path("payload").path(which);
        return row.isNull() || row.isMissingNode() ? null : row;
    }

    /** The field names the value schema declares for the {@code before} or {@code after} row. */
    public java.util.List<String> rowSchemaFields(String which) {
        for (JsonNode field : value.path("schema").path("fields")) {
            if (which.equals(field.path("field").asText())) {
                return field.path("fields").findValuesAsText("field");
            }
        }
        return java.util.List.of();
    }

    public JsonNode keyPayload() {
        return key.path("payload");
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return bytes == null ? null : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
