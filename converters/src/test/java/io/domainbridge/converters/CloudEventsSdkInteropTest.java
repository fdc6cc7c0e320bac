package io.domainbridge.converters;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.domainbridge.events.EventEnvelope;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Events the converter writes are read by the CloudEvents Java SDK, and events the SDK writes by the converter. */
class CloudEventsSdkInteropTest {

    private static final String TOPIC = "logistics.package";
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"binary", "structured"})
    void theSdkReadsWhatTheConverterWrites(String mode) throws Exception {
        Struct envelope = Fixtures.envelope();
        Headers headers = new RecordHeaders();
        byte[] value = Fixtures.converter("cloudevents.mode", mode)
                .fromConnectData(TOPIC, headers, envelope.schema(), envelope);

        CloudEvent event = deserializer().deserialize(TOPIC, headers, value);

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo("b7d2f6a0-1c1e-4f5e-9a51-3c8f0e1d2a44");
        assertThat(event.getSource()).isEqualTo(URI.create("/logistics/shipping"));
        assertThat(event.getType()).isEqualTo("com.example.logistics.PackageShipped");
        assertThat(event.getSubject()).isEqualTo("package/42");
        assertThat(event.getTime()).isEqualTo(OffsetDateTime.parse("2023-11-14T22:13:20.123Z"));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtensionNames())
                .contains(
                        "aggregatetype",
                        "aggregateid",
                        "commandid",
                        "correlationid",
                        "causationid",
                        "sourcedomain",
                        "schemaversion");
        assertThat(event.getExtension("aggregatetype")).isEqualTo("package");
        assertThat(event.getExtension("aggregateid")).isEqualTo("42");
        assertThat(event.getExtension("commandid")).isEqualTo("cmd-1");
        assertThat(event.getExtension("correlationid")).isEqualTo("corr-1");
        assertThat(event.getExtension("causationid")).isEqualTo("cause-1");
        assertThat(event.getExtension("sourcedomain")).isEqualTo("logistics");
        assertThat(event.getExtension("schemaversion").toString()).isEqualTo("3");
        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertThat(data.get("i64").asLong()).isEqualTo(9_000_000_000L);
        assertThat(data.get("amount").decimalValue()).isEqualByComparingTo("12345678.90");
        assertThat(data.get("text").asText()).isEqualTo("grüße ✓");
        assertThat(data.get("when").asText()).isEqualTo("2023-11-14T22:13:20.123Z");
        assertThat(data.get("address").get("street").asText()).isEqualTo("Main St 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "structured"})
    void theSdkReadsAvroDataTheConverterWrites(String mode) throws Exception {
        Struct envelope = Fixtures.envelope();
        String schemas = Fixtures.avroSchemas(Fixtures.EVERY_TYPE);
        Headers headers = new RecordHeaders();
        byte[] value = Fixtures.converter("cloudevents.mode", mode, "data.encoding", "avro", "avro.schemas", schemas)
                .fromConnectData(TOPIC, headers, envelope.schema(), envelope);

        CloudEvent event = deserializer().deserialize(TOPIC, headers, value);

        assertThat(event.getDataContentType()).isEqualTo("application/avro");
        org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser()
                .parse(JSON.readTree(schemas).get(0).toString());
        GenericRecord data = new BinaryMessageDecoder<GenericRecord>(org.apache.avro.generic.GenericData.get(), schema)
                .decode(event.getData().toBytes());
        assertThat(data.get("i64")).isEqualTo(9_000_000_000L);
        assertThat(data.get("text").toString()).isEqualTo("grüße ✓");
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void theConverterReadsWhatTheSdkWrites(Encoding encoding) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId("evt-7")
                .withSource(URI.create("urn:sdk:producer"))
                .withType("com.example.ParcelLost")
                .withSubject("parcel/7")
                .withTime(OffsetDateTime.parse("2024-02-29T12:30:00.250+01:00"))
                .withExtension("aggregatetype", "parcel")
                .withExtension("aggregateid", "7")
                .withExtension("sourcedomain", "logistics")
                .withExtension("correlationid", "corr-7")
                .withExtension("schemaversion", 2)
                .withExtension("partitionkey", "7")
                .withData("application/json", "{\"reason\":\"storm\",\"attempts\":3,\"ok\":false}".getBytes(UTF_8))
                .build();
        Headers headers = new RecordHeaders();
        byte[] value = serializer(encoding).serialize(TOPIC, headers, event);

        Struct envelope = (Struct)
                Fixtures.converter().toConnectData(TOPIC, headers, value).value();

        assertThat(envelope.schema().name()).isEqualTo(EventEnvelope.SCHEMA_NAME);
        assertThat(envelope.getString(EventEnvelope.ID)).isEqualTo("evt-7");
        assertThat(envelope.getString(EventEnvelope.SOURCE)).isEqualTo("urn:sdk:producer");
        assertThat(envelope.getString(EventEnvelope.TYPE)).isEqualTo("com.example.ParcelLost");
        assertThat(envelope.getString(EventEnvelope.SUBJECT)).isEqualTo("parcel/7");
        assertThat(envelope.get(EventEnvelope.TIME))
                .isEqualTo(java.util.Date.from(
                        OffsetDateTime.parse("2024-02-29T11:30:00.250Z").toInstant()));
        assertThat(envelope.getString(EventEnvelope.SPECVERSION)).isEqualTo("1.0");
        assertThat(envelope.getString(EventEnvelope.DATACONTENTTYPE)).isEqualTo("application/json");
        assertThat(envelope.getString(EventEnvelope.AGGREGATETYPE)).isEqualTo("parcel");
        assertThat(envelope.getString(EventEnvelope.AGGREGATEID)).isEqualTo("7");
        assertThat(envelope.getString(EventEnvelope.SOURCEDOMAIN)).isEqualTo("logistics");
        assertThat(envelope.getString(EventEnvelope.CORRELATIONID)).isEqualTo("corr-7");
        assertThat(envelope.getString(EventEnvelope.COMMANDID)).isNull();
        assertThat(envelope.getInt32(EventEnvelope.SCHEMAVERSION)).isEqualTo(2);
        Struct data = envelope.getStruct(EventEnvelope.DATA);
        assertThat(data.getString("reason")).isEqualTo("storm");
        assertThat(data.getInt64("attempts")).isEqualTo(3L);
        assertThat(data.getBoolean("ok")).isFalse();
    }

    private static CloudEventDeserializer deserializer() {
        CloudEventDeserializer deserializer = new CloudEventDeserializer();
        deserializer.configure(Map.of(), false);
        return deserializer;
    }

    private static CloudEventSerializer serializer(Encoding encoding) {
        CloudEventSerializer serializer = new CloudEventSerializer();
        serializer.configure(
                Map.of(
                        CloudEventSerializer.ENCODING_CONFIG,
                        encoding,
                        CloudEventSerializer.EVENT_FORMAT_CONFIG,
                        JsonFormat.CONTENT_TYPE),
                false);
        return serializer;
    }
}
