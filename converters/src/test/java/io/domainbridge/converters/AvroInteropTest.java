package io.domainbridge.converters;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The converter's Avro bytes against independent implementations: Apache Avro's own encoders and readers, the
 * published layout of Confluent's wire format, and Apicurio's serde in its Confluent-compatible id mode.
 */
class AvroInteropTest {

    private static final String TOPIC = "logistics.package";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeSchemaRegistry registry;

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = new FakeSchemaRegistry();
        ApicurioSchemaResolver.registry = registry;
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void singleObjectEncodingIsAvrosOwn() throws IOException {
        String schemas = Fixtures.avroSchemas(Fixtures.EVERY_TYPE);
        org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser()
                .parse(JSON.readTree(schemas).get(0).toString());
        byte[] value = write(Fixtures.converter("data.encoding", "avro", "avro.schemas", schemas), new RecordHeaders());

        assertThat(Arrays.copyOfRange(value, 0, 2)).containsExactly(0xC3, 0x01);
        long fingerprint =
                ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(schema));
        GenericRecord record = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), schema).decode(value);
        assertEveryType(record);
        byte[] avros = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema)
                .encode(record)
                .array();
        assertThat(avros).isEqualTo(value);
    }

    @Test
    void readsWhatAvrosEncoderWrites() throws IOException {
        String schemas = Fixtures.avroSchemas(Fixtures.EVERY_TYPE);
        org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser()
                .parse(JSON.readTree(schemas).get(0).toString());
        CloudEventsConverter converter = Fixtures.converter("data.encoding", "avro", "avro.schemas", schemas);
        GenericRecord record = new BinaryMessageDecoder<GenericRecord>(GenericData.get(), schema)
                .decode(write(converter, new RecordHeaders()));
        byte[] avros = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema)
                .encode(record)
                .array();

        SchemaAndValue read = converter.toConnectData(TOPIC, new RecordHeaders(), avros);

        assertThat(read).isEqualTo(new SchemaAndValue(Fixtures.EVERY_TYPE, data()));
    }

    @Test
    void confluentWireFormatMatchesItsPublishedLayout() throws IOException {
        Headers headers = new RecordHeaders();
        byte[] value =
                write(Fixtures.converter("data.encoding", "avro", "schema.registry.url", registry.url()), headers);

        int id = registry.subjects().get(TOPIC + "-value").get(0);
        org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse(registry.schemaText(id));
        GenericRecord record = new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
        assertEveryType(record);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream layout = new DataOutputStream(expected);
        layout.writeByte(0);
        layout.writeInt(id);
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        assertThat(value).isEqualTo(expected.toByteArray());
        assertThat(new String(headers.lastHeader("ce_dataschema").value(), UTF_8))
                .isEqualTo(registry.url() + "/schemas/ids/" + id);
    }

    @Test
    void apicurioReadsTheConfluentWireFormat() {
        byte[] value = write(
                Fixtures.converter("data.encoding", "avro", "schema.registry.url", registry.url()),
                new RecordHeaders());

        try (AvroKafkaDeserializer<GenericRecord> deserializer = new AvroKafkaDeserializer<>()) {
            deserializer.configure(apicurioConfig(), false);
            assertEveryType(deserializer.deserialize(TOPIC, value));
        }
    }

    @Test
    void readsWhatApicurioWritesInTheConfluentWireFormat() throws IOException {
        CloudEventsConverter converter =
                Fixtures.converter("data.encoding", "avro", "schema.registry.url", registry.url());
        byte[] ours = write(converter, new RecordHeaders());
        int id = ByteBuffer.wrap(ours, 1, 4).getInt();
        org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse(registry.schemaText(id));
        GenericRecord record = new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(ours, 5, ours.length - 5, null));

        byte[] apicurios;
        try (AvroKafkaSerializer<GenericRecord> serializer = new AvroKafkaSerializer<>()) {
            serializer.configure(apicurioConfig(), false);
            apicurios = serializer.serialize(TOPIC, record);
        }

        assertThat(apicurios[0]).isZero();
        assertThat(converter.toConnectData(TOPIC, new RecordHeaders(), apicurios))
                .isEqualTo(new SchemaAndValue(Fixtures.EVERY_TYPE, data()));
    }

    @Test
    void registersUnderTheConfiguredSubject() {
        Map<String, String> expected = Map.of(
                "topic", TOPIC + "-value",
                "type", "com.example.logistics.PackageShipped",
                "topic-type", TOPIC + "-com.example.logistics.PackageShipped");
        expected.forEach((strategy, subject) -> {
            write(
                    Fixtures.converter(
                            "data.encoding",
                            "avro",
                            "schema.registry.url",
                            registry.url(),
                            "schema.registry.subject.strategy",
                            strategy),
                    new RecordHeaders());
            assertThat(registry.subjects()).containsKey(subject);
        });
    }

    /** One map entry only: Avro's readers load maps into hash maps, so re-encoding may reorder entries. */
    private static Struct data() {
        return Fixtures.everyType().put("attrs", Map.of("weight", 1200L));
    }

    private static byte[] write(CloudEventsConverter converter, Headers headers) {
        Struct envelope = Fixtures.envelope(Fixtures.EVERY_TYPE, data());
        return converter.fromConnectData(TOPIC, headers, envelope.schema(), envelope);
    }

    private static Map<String, Object> apicurioConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, registry.url());
        config.put(SerdeConfig.ENABLE_CONFLUENT_ID_HANDLER, true);
        config.put(SerdeConfig.ENABLE_HEADERS, false);
        config.put(SerdeConfig.USE_ID, "contentId");
        config.put(SerdeConfig.SCHEMA_RESOLVER, ApicurioSchemaResolver.class.getName());
        return config;
    }

    /** Checks the datum with Avro's own view of each type: ints, longs, logical types, records. */
    private static void assertEveryType(GenericRecord record) {
        assertThat(record.get("i8")).isEqualTo(-7);
        assertThat(record.get("i16")).isEqualTo(300);
        assertThat(record.get("i64")).isEqualTo(9_000_000_000L);
        assertThat(record.get("text").toString()).isEqualTo("grüße ✓");
        assertThat(record.get("day")).isEqualTo(19_000);
        assertThat(record.get("at")).isEqualTo(45_296_789);
        assertThat(record.get("when")).isEqualTo(1_700_000_000_123L);
        org.apache.avro.Schema amount = record.getSchema().getField("amount").schema();
        BigDecimal decimal = new Conversions.DecimalConversion()
                .fromBytes((ByteBuffer) record.get("amount"), amount, LogicalTypes.fromSchema(amount));
        assertThat(decimal).isEqualTo(new BigDecimal("12345678.90"));
        assertThat(((GenericRecord) record.get("address")).get("street").toString())
                .isEqualTo("Main St 1");
        assertThat(record.get("weird_name").toString()).isEqualTo("dash");
        assertThat(record.getSchema().getField("weird_name").getProp("connect.name"))
                .isEqualTo("weird-name");
    }
}
