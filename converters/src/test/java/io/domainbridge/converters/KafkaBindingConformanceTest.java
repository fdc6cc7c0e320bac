package io.domainbridge.converters;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.events.EventEnvelope;
import java.time.Instant;
import java.util.Date;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kafka protocol binding cases of the CloudEvents conformance project (github.com/cloudevents/conformance,
 * features/kafka-protocol-binding.feature: "Binary content mode" and "Structured content mode" with and without
 * {@code charset=utf-8}), re-created with the values published there: each message is read with toConnectData,
 * written back with fromConnectData, and the attributes and data are asserted both ways. The envelope requires
 * Domain Bridge's extensions aggregatetype, aggregateid and sourcedomain, which the published cases lack: each case is
 * read as published (refused, naming the first missing attribute) and with those three extensions added.
 */
class KafkaBindingConformanceTest {

    private static final String TOPIC = "conformance";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String ID = "1234-1234-1234";
    private static final String TYPE = "com.example.someevent";
    private static final String SOURCE = "/mycontext/subcontext";
    private static final String TIME = "2018-04-05T03:56:24Z";
    private static final String DATA = "{\"message\": \"Hello World!\"}";
    private static final String STRUCTURED = "{\"specversion\": \"1.0\", \"type\": \"" + TYPE + "\", \"time\": \""
            + TIME
            + "\", \"id\": \"" + ID + "\", \"source\": \"" + SOURCE + "\", \"datacontenttype\": \"application/json\","
            + " \"data\": " + DATA + "}";
    private static final String STRUCTURED_WITH_EXTENSIONS = STRUCTURED.replace(
            "\"data\":",
            "\"aggregatetype\": \"package\", \"aggregateid\": \"42\", \"sourcedomain\": \"logistics\", \"data\":");

    @Test
    void casesAsPublishedLackTheEnvelopesRequiredExtensions() {
        Headers binary = conformanceHeaders();
        assertThatThrownBy(() -> Fixtures.converter().toConnectData(TOPIC, binary, bytes(DATA)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'aggregatetype'");
        Headers structured = new RecordHeaders().add("content-type", bytes("application/cloudevents+json"));
        assertThatThrownBy(() -> Fixtures.converter("cloudevents.mode", "structured")
                        .toConnectData(TOPIC, structured, bytes(STRUCTURED)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'aggregatetype'");
    }

    private static Headers conformanceHeaders() {
        return new RecordHeaders()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(ID))
                .add("ce_type", bytes(TYPE))
                .add("ce_source", bytes(SOURCE))
                .add("ce_time", bytes(TIME))
                .add("content-type", bytes("application/json"));
    }

    @Test
    void binaryContentMode() throws Exception {
        Headers headers = conformanceHeaders()
                .add("ce_aggregatetype", bytes("package"))
                .add("ce_aggregateid", bytes("42"))
                .add("ce_sourcedomain", bytes("logistics"));
        CloudEventsConverter converter = Fixtures.converter();

        SchemaAndValue read = converter.toConnectData(TOPIC, headers, bytes(DATA));
        assertConformanceAttributes((Struct) read.value());

        Headers written = new RecordHeaders();
        byte[] value = converter.fromConnectData(TOPIC, written, read.schema(), read.value());
        assertThat(text(written, "ce_specversion")).isEqualTo("1.0");
        assertThat(text(written, "ce_id")).isEqualTo(ID);
        assertThat(text(written, "ce_type")).isEqualTo(TYPE);
        assertThat(text(written, "ce_source")).isEqualTo(SOURCE);
        assertThat(Instant.parse(text(written, "ce_time"))).isEqualTo(Instant.parse(TIME));
        assertThat(text(written, "content-type")).isEqualTo("application/json");
        assertThat(text(written, "ce_aggregatetype")).isEqualTo("package");
        assertThat(text(written, "ce_aggregateid")).isEqualTo("42");
        assertThat(text(written, "ce_sourcedomain")).isEqualTo("logistics");
        assertThat(JSON.readTree(value)).isEqualTo(JSON.readTree(DATA));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/cloudevents+json", "application/cloudevents+json; charset=utf-8"})
    void structuredContentMode(String contentType) throws Exception {
        Headers headers = new RecordHeaders().add("content-type", bytes(contentType));
        CloudEventsConverter converter = Fixtures.converter("cloudevents.mode", "structured");

        SchemaAndValue read = converter.toConnectData(TOPIC, headers, bytes(STRUCTURED_WITH_EXTENSIONS));
        assertConformanceAttributes((Struct) read.value());

        Headers written = new RecordHeaders();
        JsonNode event = JSON.readTree(converter.fromConnectData(TOPIC, written, read.schema(), read.value()));
        assertThat(text(written, "content-type")).startsWith("application/cloudevents+json");
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo(ID);
        assertThat(event.get("type").asText()).isEqualTo(TYPE);
        assertThat(event.get("source").asText()).isEqualTo(SOURCE);
        assertThat(Instant.parse(event.get("time").asText())).isEqualTo(Instant.parse(TIME));
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.get("aggregatetype").asText()).isEqualTo("package");
        assertThat(event.get("aggregateid").asText()).isEqualTo("42");
        assertThat(event.get("sourcedomain").asText()).isEqualTo("logistics");
        assertThat(event.get("data")).isEqualTo(JSON.readTree(DATA));
    }

    private static void assertConformanceAttributes(Struct envelope) {
        assertThat(envelope.getString(EventEnvelope.ID)).isEqualTo(ID);
        assertThat(envelope.getString(EventEnvelope.SPECVERSION)).isEqualTo("1.0");
        assertThat(envelope.getString(EventEnvelope.TYPE)).isEqualTo(TYPE);
        assertThat(envelope.getString(EventEnvelope.SOURCE)).isEqualTo(SOURCE);
        assertThat(envelope.get(EventEnvelope.TIME)).isEqualTo(Date.from(Instant.parse(TIME)));
        assertThat(envelope.getString(EventEnvelope.DATACONTENTTYPE)).isEqualTo("application/json");
        assertThat(envelope.getStruct(EventEnvelope.DATA).getString("message")).isEqualTo("Hello World!");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), UTF_8);
    }
}
