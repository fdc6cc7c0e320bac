package io.domainbridge.converters;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.domainbridge.events.EventEnvelope;
import java.time.Instant;
import java.util.Date;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The edge cases of the CloudEvents SDKs' JSON event format vectors, as the converter decides them (documented in
 * docs/cloudevents-converter.md): fractional-second times, extension names the specification does not allow,
 * non-integer numbers in an integer extension, and base64 data.
 */
class CloudEventsEdgeCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ATTRIBUTES = "{\"specversion\":\"1.0\",\"type\":\"t\",\"id\":\"1\",\"source\":\"/s\","
            + "\"aggregatetype\":\"package\",\"aggregateid\":\"42\",\"sourcedomain\":\"logistics\"";

    /** Times are kept to the millisecond (a Connect Timestamp): finer digits are cut, never rounded up. */
    @ParameterizedTest
    @CsvSource({
        "2018-04-05T03:56:24.123456789Z, 2018-04-05T03:56:24.123Z",
        "2018-04-05T03:56:24.1239Z, 2018-04-05T03:56:24.123Z",
        "2018-04-05T03:56:24.1Z, 2018-04-05T03:56:24.100Z",
        "2018-04-05T05:56:24.5+02:00, 2018-04-05T03:56:24.500Z"
    })
    void fractionalSecondTimesKeepMilliseconds(String time, String written) throws Exception {
        SchemaAndValue read = readStructured(ATTRIBUTES + ",\"time\":\"" + time + "\",\"data\":{\"a\":1}}");

        assertThat(((Struct) read.value()).get(EventEnvelope.TIME)).isEqualTo(Date.from(Instant.parse(written)));
        assertThat(writeStructured(read).get("time").asText()).isEqualTo(written);
    }

    @Test
    void extensionsOutsideTheEnvelopeAreNotCarriedWhateverTheirName() throws Exception {
        SchemaAndValue read = readStructured(ATTRIBUTES + ",\"Bad-Name\":\"x\",\"myext\":3.25,\"data\":{\"a\":1}}");

        assertThat(((Struct) read.value()).schema().field("myext")).isNull();
        JsonNode written = writeStructured(read);
        assertThat(written.has("Bad-Name")).isFalse();
        assertThat(written.has("myext")).isFalse();
        assertThat(written.get("aggregatetype").asText()).isEqualTo("package");
    }

    @Test
    void aNonIntegerSchemaVersionIsRefusedNamingTheAttribute() {
        assertThatThrownBy(() -> readStructured(ATTRIBUTES + ",\"schemaversion\":1.5,\"data\":{\"a\":1}}"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'schemaversion'")
                .hasMessageNotContaining("1.5");
    }

    @Test
    void base64JsonDataIsReadAndWrittenAsJson() throws Exception {
        SchemaAndValue read = readStructured(
                ATTRIBUTES + ",\"datacontenttype\":\"application/json\",\"data_base64\":\"eyJhIjoxfQ==\"}");

        assertThat(((Struct) read.value()).getStruct(EventEnvelope.DATA).getInt64("a"))
                .isEqualTo(1L);
        JsonNode written = writeStructured(read);
        assertThat(written.get("data")).isEqualTo(JSON.readTree("{\"a\":1}"));
        assertThat(written.has("data_base64")).isFalse();
    }

    @Test
    void base64DataOfAnotherContentTypeIsRefused() {
        assertThatThrownBy(() -> readStructured(
                        ATTRIBUTES + ",\"datacontenttype\":\"application/octet-stream\",\"data_base64\":\"AAEC\"}"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("application/octet-stream");
    }

    private static SchemaAndValue readStructured(String event) {
        Headers headers = new RecordHeaders().add("content-type", "application/cloudevents+json".getBytes(UTF_8));
        return Fixtures.converter("cloudevents.mode", "structured").toConnectData("t", headers, event.getBytes(UTF_8));
    }

    private static JsonNode writeStructured(SchemaAndValue read) throws Exception {
        byte[] value = Fixtures.converter("cloudevents.mode", "structured")
                .fromConnectData("t", new RecordHeaders(), read.schema(), read.value());
        return JSON.readTree(value);
    }
}
