package io.domainbridge.converters;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.events.EventEnvelope;
import java.io.IOException;
import java.util.Arrays;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bytes that are not what they claim fail with a DataException naming the topic and the problem, never the bytes. */
class BadBytesTest {

    private static final String TOPIC = "logistics.package";
    private static FakeSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = new FakeSchemaRegistry();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void avroDataWithoutAKnownFraming() {
        assertBad(singleObject(), new byte[] {7, 7, 7, 7, 7, 7}, "neither the Confluent wire format's magic byte");
    }

    @Test
    void truncatedSingleObjectData() {
        Written written = write(singleObject());
        assertBad(singleObject(), Arrays.copyOf(written.value(), written.value().length - 20), "does not decode");
    }

    @Test
    void singleObjectDataOfAnUnknownSchema() {
        byte[] value = write(singleObject()).value();
        value[5] ^= 0x55;
        assertBad(singleObject(), value, "not in avro.schemas (fingerprint");
    }

    @Test
    void confluentDataWithoutARegistry() {
        byte[] value = write(registered()).value();
        assertBad(singleObject(), value, "no schema.registry.url is configured");
    }

    @Test
    void confluentDataOfAnIdTheRegistryDoesNotKnow() {
        byte[] value = write(registered()).value();
        value[4] = 99;
        assertBad(registered(), value, "HTTP 404");
    }

    @Test
    void confluentDataWithBytesLeftOver() {
        byte[] value = write(registered()).value();
        assertBad(registered(), Arrays.copyOf(value, value.length + 3), "bytes left after the datum");
    }

    @Test
    void structuredEventThatIsNotAnObject() {
        Headers headers = new RecordHeaders().add("content-type", "application/cloudevents+json".getBytes(UTF_8));
        assertThatThrownBy(() -> Fixtures.converter().toConnectData(TOPIC, headers, "[1,2]".getBytes(UTF_8)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("not a JSON object");
    }

    @Test
    void structuredEventWithAnAttributeOfTheWrongType() {
        Struct envelope = Fixtures.envelope().put(EventEnvelope.DATACONTENTTYPE, "application/json");
        Headers headers = new RecordHeaders();
        CloudEventsConverter converter = Fixtures.converter("cloudevents.mode", "structured");
        String event = new String(converter.fromConnectData(TOPIC, headers, envelope.schema(), envelope), UTF_8)
                .replace("\"id\":\"b7d2f6a0-1c1e-4f5e-9a51-3c8f0e1d2a44\"", "\"id\":{\"secret\":1}");

        assertThatThrownBy(() -> converter.toConnectData(TOPIC, headers, event.getBytes(UTF_8)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'id'")
                .hasMessageNotContaining("secret");
    }

    @Test
    void unknownContentType() {
        Written written = write(Fixtures.converter());
        written.headers().remove("content-type").add("content-type", "application/xml".getBytes(UTF_8));
        assertBad(Fixtures.converter(), written.headers(), written.value(), "content type 'application/xml'");
    }

    @Test
    void malformedSchemaHeader() {
        Written written = write(Fixtures.converter());
        written.headers()
                .remove("domainbridge.data.schema")
                .add("domainbridge.data.schema", "{\"type\":\"nonsense\"}".getBytes(UTF_8));
        assertBad(Fixtures.converter(), written.headers(), written.value(), "header of a record in topic");
    }

    @Test
    void binaryEventWithAnAttributeHeaderThatIsNotUtf8() {
        Written written = write(Fixtures.converter());
        written.headers().remove("ce_type").add("ce_type", new byte[] {'P', (byte) 0xC3, '(', 'x'});
        assertBad(Fixtures.converter(), written.headers(), written.value(), "Header 'ce_type'");
        assertBad(Fixtures.converter(), written.headers(), written.value(), "is not valid UTF-8");
    }

    @Test
    void attributeHeaderThatIsNotUtf8ThroughTheHeaderConverter() {
        assertThatThrownBy(() -> Fixtures.converter().toConnectHeader(TOPIC, "ce_id", new byte[] {'a', (byte) 0xFF}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("Header 'ce_id' of a record in topic '" + TOPIC + "' is not valid UTF-8");
    }

    @Test
    void binaryJsonDataWithBytesThatAreNotUtf8() {
        Written written = write(Fixtures.converter());
        assertBad(Fixtures.converter(), written.headers(), corruptStreet(written.value()), "not valid JSON");
    }

    @Test
    void structuredEventWithBytesThatAreNotUtf8() {
        CloudEventsConverter converter = Fixtures.converter("cloudevents.mode", "structured");
        Written written = write(converter);
        assertBad(converter, written.headers(), corruptStreet(written.value()), "not valid JSON");
    }

    @Test
    void avroStringWithBytesThatAreNotUtf8() {
        Written written = write(singleObject());
        assertBad(singleObject(), written.headers(), corruptStreet(written.value()), "is not valid UTF-8");
    }

    /** The bytes with the space of the street name "Main St 1" replaced by 0xFF, which UTF-8 never uses. */
    private static byte[] corruptStreet(byte[] value) {
        byte[] street = "Main St 1".getBytes(UTF_8);
        for (int i = 0; i + street.length <= value.length; i++) {
            if (Arrays.equals(value, i, i + street.length, street, 0, street.length)) {
                byte[] corrupt = value.clone();
                corrupt[i + 4] = (byte) 0xFF;
                return corrupt;
            }
        }
        throw new AssertionError("the street name is not in the written bytes");
    }

    private record Written(Headers headers, byte[] value) {}

    private static CloudEventsConverter singleObject() {
        return Fixtures.converter("data.encoding", "avro", "avro.schemas", Fixtures.avroSchemas(Fixtures.EVERY_TYPE));
    }

    private static CloudEventsConverter registered() {
        return Fixtures.converter(
                "data.encoding", "avro", "schema.registry.url", registry.url(), "schema.registry.retries", 0);
    }

    private static Written write(CloudEventsConverter converter) {
        Struct envelope = Fixtures.envelope();
        Headers headers = new RecordHeaders();
        return new Written(headers, converter.fromConnectData(TOPIC, headers, envelope.schema(), envelope));
    }

    private static void assertBad(CloudEventsConverter converter, byte[] value, String problem) {
        assertBad(converter, write(converter).headers(), value, problem);
    }

    private static void assertBad(CloudEventsConverter converter, Headers headers, byte[] value, String problem) {
        assertThatThrownBy(() -> converter.toConnectData(TOPIC, headers, value))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic '" + TOPIC + "'")
                .hasMessageContaining(problem)
                .hasMessageNotContaining("Main St");
    }
}
