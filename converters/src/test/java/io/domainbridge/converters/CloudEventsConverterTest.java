package io.domainbridge.converters;

import static io.domainbridge.converters.Fixtures.converter;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.domainbridge.events.EventEnvelope;
import io.domainbridge.events.ProjectVersion;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventsConverterTest {

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

    static Stream<Arguments> configurations() {
        String schemas = Fixtures.avroSchemas(Fixtures.EVERY_TYPE);
        return Stream.of(
                Arguments.of("json binary", Fixtures.config()),
                Arguments.of("json structured", Fixtures.config("cloudevents.mode", "structured")),
                Arguments.of("avro binary", Fixtures.config("data.encoding", "avro", "avro.schemas", schemas)),
                Arguments.of(
                        "avro structured",
                        Fixtures.config(
                                "data.encoding", "avro", "avro.schemas", schemas, "cloudevents.mode", "structured")),
                Arguments.of(
                        "avro registry binary",
                        Fixtures.config("data.encoding", "avro", "schema.registry.url", registry.url())),
                Arguments.of(
                        "avro registry structured",
                        Fixtures.config(
                                "data.encoding",
                                "avro",
                                "schema.registry.url",
                                registry.url(),
                                "cloudevents.mode",
                                "structured")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void givesBackTheSameSchemaAndValue(String name, Map<String, Object> config) {
        CloudEventsConverter converter = new CloudEventsConverter();
        converter.configure(config, false);
        String contentType = name.startsWith("json") ? "application/json" : "application/avro";
        Struct envelope = Fixtures.envelope().put(EventEnvelope.DATACONTENTTYPE, contentType);

        SchemaAndValue back = roundTrip(converter, envelope.schema(), envelope);

        assertThat(back.schema()).isEqualTo(envelope.schema());
        assertThat(back.value()).isEqualTo(envelope);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void setsTheContentTypeOfTheEncoding(String name, Map<String, Object> config) {
        CloudEventsConverter converter = new CloudEventsConverter();
        converter.configure(config, false);
        Struct envelope = Fixtures.envelope().put(EventEnvelope.DATACONTENTTYPE, "text/xml");

        Struct back = (Struct) roundTrip(converter, envelope.schema(), envelope).value();

        String expected = name.startsWith("json") ? "application/json" : "application/avro";
        assertThat(back.getString(EventEnvelope.DATACONTENTTYPE)).isEqualTo(expected);
    }

    @Test
    void keepsADeclaredContentTypeThatNamesTheEncoding() {
        Struct envelope = Fixtures.envelope().put(EventEnvelope.DATACONTENTTYPE, "application/json; charset=utf-8");
        Headers headers = new RecordHeaders();
        CloudEventsConverter converter = converter();

        byte[] value = converter.fromConnectData(TOPIC, headers, envelope.schema(), envelope);

        assertThat(header(headers, "content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(converter.toConnectData(TOPIC, headers, value).value()).isEqualTo(envelope);
    }

    @Test
    void leavesTheInputEnvelopeUnchanged() {
        Struct envelope = Fixtures.envelope();
        Struct copy = Fixtures.envelope();

        converter().fromConnectData(TOPIC, new RecordHeaders(), envelope.schema(), envelope);
        converter("cloudevents.mode", "structured")
                .fromConnectData(TOPIC, new RecordHeaders(), envelope.schema(), envelope);

        assertThat(envelope).isEqualTo(copy);
    }

    @Test
    void writesBinaryModeHeaders() {
        Headers headers = new RecordHeaders();
        Struct envelope = Fixtures.envelope();
        byte[] value = converter().fromConnectData(TOPIC, headers, envelope.schema(), envelope);

        assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(headers, "ce_id")).isEqualTo("b7d2f6a0-1c1e-4f5e-9a51-3c8f0e1d2a44");
        assertThat(header(headers, "ce_source")).isEqualTo("/logistics/shipping");
        assertThat(header(headers, "ce_type")).isEqualTo("com.example.logistics.PackageShipped");
        assertThat(header(headers, "ce_subject")).isEqualTo("package/42");
        assertThat(header(headers, "ce_time")).isEqualTo("2023-11-14T22:13:20.123Z");
        assertThat(header(headers, "ce_aggregatetype")).isEqualTo("package");
        assertThat(header(headers, "ce_aggregateid")).isEqualTo("42");
        assertThat(header(headers, "ce_commandid")).isEqualTo("cmd-1");
        assertThat(header(headers, "ce_correlationid")).isEqualTo("corr-1");
        assertThat(header(headers, "ce_causationid")).isEqualTo("cause-1");
        assertThat(header(headers, "ce_sourcedomain")).isEqualTo("logistics");
        assertThat(header(headers, "ce_schemaversion")).isEqualTo("3");
        assertThat(header(headers, "content-type")).isEqualTo("application/json");
        assertThat(new String(value, UTF_8)).startsWith("{\"i8\":-7,").contains("\"day\":\"2022-01-08\"");
    }

    @Test
    void writesStructuredModeAsOneJsonDocument() {
        Headers headers = new RecordHeaders();
        Struct envelope = Fixtures.envelope();
        byte[] value = converter("cloudevents.mode", "structured")
                .fromConnectData(TOPIC, headers, envelope.schema(), envelope);

        assertThat(header(headers, "content-type")).isEqualTo("application/cloudevents+json; charset=UTF-8");
        assertThat(headers.lastHeader("ce_id")).isNull();
        assertThat(new String(value, UTF_8))
                .startsWith("{\"specversion\":\"1.0\",\"id\":\"b7d2f6a0-1c1e-4f5e-9a51-3c8f0e1d2a44\"")
                .contains("\"schemaversion\":3,\"datacontenttype\":\"application/json\",\"data\":{\"i8\":-7");
    }

    @Test
    void replacesAttributeHeadersAnUpstreamStepLeft() {
        Headers headers =
                new RecordHeaders().add("ce_id", "stale".getBytes(UTF_8)).add("trace", new byte[] {1});
        Struct envelope = Fixtures.envelope();
        converter().fromConnectData(TOPIC, headers, envelope.schema(), envelope);

        assertThat(headers.headers("ce_id")).hasSize(1);
        assertThat(header(headers, "ce_id")).isEqualTo("b7d2f6a0-1c1e-4f5e-9a51-3c8f0e1d2a44");
        assertThat(headers.lastHeader("trace")).isNotNull();
    }

    @Test
    void leavesOutAbsentOptionalAttributes() {
        Struct envelope = Fixtures.envelope()
                .put(EventEnvelope.SUBJECT, null)
                .put(EventEnvelope.TIME, null)
                .put(EventEnvelope.SCHEMAVERSION, null);
        Headers headers = new RecordHeaders();
        CloudEventsConverter converter = converter();
        byte[] value = converter.fromConnectData(TOPIC, headers, envelope.schema(), envelope);

        assertThat(headers.lastHeader("ce_subject")).isNull();
        assertThat(headers.lastHeader("ce_time")).isNull();
        Struct back = (Struct) converter.toConnectData(TOPIC, headers, value).value();
        assertThat(back.get(EventEnvelope.TIME)).isNull();
        assertThat(back.get(EventEnvelope.SCHEMAVERSION)).isNull();
    }

    @Test
    void writesAnEventWithoutDataAsATombstoneInBinaryMode() {
        Schema optionalData = SchemaBuilder.struct()
                .name("Empty")
                .optional()
                .field("x", Schema.INT32_SCHEMA)
                .build();
        Struct envelope = Fixtures.envelope(optionalData, null).put(EventEnvelope.DATACONTENTTYPE, "application/json");
        CloudEventsConverter converter = converter();

        Headers headers = new RecordHeaders();
        byte[] value = converter.fromConnectData(TOPIC, headers, envelope.schema(), envelope);

        assertThat(value).isNull();
        SchemaAndValue back = converter.toConnectData(TOPIC, headers, null);
        assertThat(back.value()).isEqualTo(envelope);
    }

    @Test
    void readsStructuredEventsWhateverModeItWrites() {
        Struct envelope = Fixtures.envelope().put(EventEnvelope.DATACONTENTTYPE, "application/json");
        Headers headers = new RecordHeaders();
        byte[] value = converter("cloudevents.mode", "structured")
                .fromConnectData(TOPIC, headers, envelope.schema(), envelope);

        assertThat(converter().toConnectData(TOPIC, headers, value).value()).isEqualTo(envelope);
    }

    @Test
    void writesStructuredModeWhenCalledWithoutHeaders() {
        Struct envelope = Fixtures.envelope(Fixtures.ADDRESS, new Struct(Fixtures.ADDRESS).put("street", "Main St 1"));
        CloudEventsConverter converter = converter("json.schemas.enable", false);

        byte[] value = converter.fromConnectData(TOPIC, envelope.schema(), envelope);
        Struct back = (Struct) converter.toConnectData(TOPIC, value).value();

        assertThat(new String(value, UTF_8)).startsWith("{\"specversion\":\"1.0\"");
        assertThat(back.getString(EventEnvelope.ID)).isEqualTo(envelope.getString(EventEnvelope.ID));
        assertThat(back.getStruct(EventEnvelope.DATA).getString("street")).isEqualTo("Main St 1");
    }

    @Test
    void passesRecordsThatAreNotEnvelopesThroughTheDataEncoding() {
        Struct row = Fixtures.everyType();
        for (CloudEventsConverter converter : new CloudEventsConverter[] {
            converter(), converter("data.encoding", "avro", "avro.schemas", Fixtures.avroSchemas(Fixtures.EVERY_TYPE))
        }) {
            Headers headers = new RecordHeaders();
            byte[] value = converter.fromConnectData(TOPIC, headers, row.schema(), row);

            assertThat(headers.lastHeader("ce_specversion")).isNull();
            assertThat(converter.toConnectData(TOPIC, headers, value)).isEqualTo(new SchemaAndValue(row.schema(), row));
        }
    }

    @Test
    void passesDebeziumChangeEventsThroughInBothEncodings() {
        Schema row = SchemaBuilder.struct()
                .name("logistics.shipping.packages.Value")
                .optional()
                .field("id", Schema.INT64_SCHEMA)
                .field(
                        "weight",
                        org.apache.kafka.connect.data.Decimal.builder(3)
                                .optional()
                                .parameter("connect.decimal.precision", "10")
                                .build())
                .field(
                        "updated_at",
                        SchemaBuilder.string()
                                .name("io.debezium.time.ZonedTimestamp")
                                .version(1)
                                .optional()
                                .build())
                .build();
        Schema source = SchemaBuilder.struct()
                .name("io.debezium.connector.postgresql.Source")
                .field("db", Schema.STRING_SCHEMA)
                .field("lsn", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
        Schema schema = SchemaBuilder.struct()
                .name("logistics.shipping.packages.Envelope")
                .version(2)
                .field("before", row)
                .field("after", row)
                .field("source", source)
                .field("op", Schema.STRING_SCHEMA)
                .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA)
                .build();
        Struct event = new Struct(schema)
                .put(
                        "after",
                        new Struct(row)
                                .put("id", 7L)
                                .put("weight", new java.math.BigDecimal("1.250"))
                                .put("updated_at", "2024-01-01T00:00:00Z"))
                .put("source", new Struct(source).put("db", "logistics").put("lsn", 42L))
                .put("op", "c")
                .put("ts_ms", 1_700_000_000_000L);

        for (CloudEventsConverter converter : new CloudEventsConverter[] {
            converter(), converter("data.encoding", "avro", "avro.schemas", Fixtures.avroSchemas(schema))
        }) {
            assertThat(roundTrip(converter, schema, event)).isEqualTo(new SchemaAndValue(schema, event));
        }
    }

    @Test
    void keepsKeyAndValueApartOnTheSameHeaders() {
        CloudEventsConverter keys = new CloudEventsConverter();
        keys.configure(Map.of(), true);
        CloudEventsConverter values = converter();
        Struct envelope = Fixtures.envelope().put(EventEnvelope.DATACONTENTTYPE, "application/json");
        Headers headers = new RecordHeaders();

        byte[] key = keys.fromConnectData(TOPIC, headers, Schema.STRING_SCHEMA, "42");
        byte[] value = values.fromConnectData(TOPIC, headers, envelope.schema(), envelope);

        assertThat(keys.toConnectData(TOPIC, headers, key)).isEqualTo(new SchemaAndValue(Schema.STRING_SCHEMA, "42"));
        assertThat(values.toConnectData(TOPIC, headers, value).value()).isEqualTo(envelope);
    }

    @Test
    void passesSchemalessRecordsAndTombstonesThrough() {
        CloudEventsConverter converter = converter();
        Map<String, Object> row = Map.of("id", 42L, "name", "parcel");
        Headers headers = new RecordHeaders();

        byte[] value = converter.fromConnectData(TOPIC, headers, null, row);

        assertThat(converter.toConnectData(TOPIC, headers, value)).isEqualTo(new SchemaAndValue(null, row));
        assertThat(converter.fromConnectData(TOPIC, new RecordHeaders(), Fixtures.EVERY_TYPE, null))
                .isNull();
        assertThat(converter.toConnectData(TOPIC, new RecordHeaders(), null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void passesRecordsThroughAConfiguredConverter() {
        CloudEventsConverter converter = converter(
                "passthrough.converter", "org.apache.kafka.connect.json.JsonConverter",
                "passthrough.schemas.enable", "false");
        Headers headers = new RecordHeaders();

        byte[] value = converter.fromConnectData(TOPIC, headers, Schema.STRING_SCHEMA, "plain");

        assertThat(new String(value, UTF_8)).isEqualTo("\"plain\"");
        assertThat(converter.toConnectData(TOPIC, headers, value).value()).isEqualTo("plain");
    }

    @Test
    void rejectsBadBytesNamingTheTopicNotTheBytes() {
        Struct envelope = Fixtures.envelope();
        Headers headers = new RecordHeaders();
        CloudEventsConverter converter = converter();
        converter.fromConnectData(TOPIC, headers, envelope.schema(), envelope);
        byte[] secret = "{\"i8\": \"secret-value\"}".getBytes(UTF_8);

        assertThatThrownBy(() -> converter.toConnectData(TOPIC, headers, secret))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("data.i8")
                .hasMessageNotContaining("secret-value");
        assertThatThrownBy(() -> converter.toConnectData(TOPIC, headers, "{not json".getBytes(UTF_8)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining(TOPIC)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsEventsMissingARequiredAttribute() {
        Struct envelope = Fixtures.envelope();
        Headers headers = new RecordHeaders();
        CloudEventsConverter converter = converter();
        byte[] value = converter.fromConnectData(TOPIC, headers, envelope.schema(), envelope);
        headers.remove("ce_aggregateid");

        assertThatThrownBy(() -> converter.toConnectData(TOPIC, headers, value))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'aggregateid'")
                .hasMessageContaining(TOPIC);
    }

    @Test
    void rejectsMalformedTimeAttribute() {
        Struct envelope = Fixtures.envelope();
        Headers headers = new RecordHeaders();
        CloudEventsConverter converter = converter();
        byte[] value = converter.fromConnectData(TOPIC, headers, envelope.schema(), envelope);
        headers.remove("ce_time").add("ce_time", "yesterday".getBytes(UTF_8));

        assertThatThrownBy(() -> converter.toConnectData(TOPIC, headers, value))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'time'")
                .hasMessageNotContaining("yesterday");
    }

    @Test
    void convertsCloudEventsHeadersAsTypedStrings() {
        CloudEventsConverter converter = new CloudEventsConverter();
        converter.configure(Map.of("converter.type", "header"));

        SchemaAndValue time = converter.toConnectHeader(TOPIC, "ce_time", "2023-11-14T22:13:20.123Z".getBytes(UTF_8));
        SchemaAndValue version = converter.toConnectHeader(TOPIC, "ce_schemaversion", "3".getBytes(UTF_8));
        SchemaAndValue id = converter.toConnectHeader(TOPIC, "ce_id", "007".getBytes(UTF_8));

        assertThat(time.value()).isEqualTo(new java.util.Date(1_700_000_000_123L));
        assertThat(version.value()).isEqualTo(3);
        assertThat(id).isEqualTo(new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, "007"));
        assertThat(new String(converter.fromConnectHeader(TOPIC, "ce_time", time.schema(), time.value()), UTF_8))
                .isEqualTo("2023-11-14T22:13:20.123Z");
        assertThat(converter.fromConnectHeader(TOPIC, "other", Schema.INT32_SCHEMA, 5))
                .isEqualTo("5".getBytes(UTF_8));
        assertThat(converter
                        .toConnectHeader(TOPIC, "other", "42".getBytes(UTF_8))
                        .value())
                .isEqualTo((byte) 42);
        byte[] schema = "{\"type\":\"int32\"}".getBytes(UTF_8);
        assertThat(converter.toConnectHeader(TOPIC, "domainbridge.data.schema", schema))
                .isEqualTo(new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, "{\"type\":\"int32\"}"));
    }

    @Test
    void reportsTheProjectVersion() {
        assertThat(new CloudEventsConverter().version()).isEqualTo(ProjectVersion.get());
    }

    static SchemaAndValue roundTrip(CloudEventsConverter converter, Schema schema, Object value) {
        Headers headers = new RecordHeaders();
        byte[] bytes = converter.fromConnectData(TOPIC, headers, schema, value);
        return converter.toConnectData(TOPIC, headers, bytes);
    }

    static String header(Headers headers, String key) {
        return new String(headers.lastHeader(key).value(), UTF_8);
    }
}
