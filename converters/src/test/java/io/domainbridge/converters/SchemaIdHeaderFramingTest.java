package io.domainbridge.converters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.UUID;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Avro data whose registry schema id travels in a header ({@code __value_schema_id} / {@code __key_schema_id}: a
 * version byte, then a 16-byte GUID or a 4-byte id, big-endian) reads the same as the 5-byte payload prefix framing.
 * The vectors are built here from that published layout, not by the converter.
 */
class SchemaIdHeaderFramingTest {

    private static final String TOPIC = "logistics.parcel";
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Parcel\",\"namespace\":\"com.example\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"label\",\"type\":\"string\"}]}";
    private static FakeSchemaRegistry registry;
    private static int id;
    private static UUID guid;
    private static byte[] avro;

    @BeforeAll
    static void registerAnotherProducersSchema() throws IOException {
        registry = new FakeSchemaRegistry();
        id = registry.register(TOPIC + "-value", SCHEMA);
        guid = registry.guid(id);
        org.apache.avro.Schema schema = new org.apache.avro.Schema.Parser().parse(SCHEMA);
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", 42L);
        record.put("label", "fragile");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        avro = out.toByteArray();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void readsAGuidInTheValueHeaderAsThePrefixFraming() throws IOException {
        CloudEventsConverter converter = converter(false);
        SchemaAndValue prefixed = converter.toConnectData(TOPIC, new RecordHeaders(), prefixed(id, avro));

        SchemaAndValue headed = converter.toConnectData(TOPIC, headers("__value_schema_id", guidHeader(guid)), avro);

        assertThat(((Struct) prefixed.value()).getInt64("id")).isEqualTo(42L);
        assertThat(headed).isEqualTo(prefixed);
        assertThat(registry.requests()).contains("GET /schemas/guids/" + guid, "GET /schemas/ids/" + id);
    }

    @Test
    void readsAnIdInTheHeader() throws IOException {
        SchemaAndValue headed = converter(false).toConnectData(TOPIC, headers("__value_schema_id", idHeader(id)), avro);

        assertThat(((Struct) headed.value()).getString("label")).isEqualTo("fragile");
    }

    @Test
    void aKeyConverterReadsTheKeyHeaderAndNotTheValueHeader() throws IOException {
        Headers headers = headers("__key_schema_id", guidHeader(guid));
        headers.add("__value_schema_id", new byte[] {9, 9});

        SchemaAndValue key = converter(true).toConnectData(TOPIC, headers, avro);

        assertThat(((Struct) key.value()).getInt64("id")).isEqualTo(42L);
    }

    @Test
    void aBinaryEventReadsTheSameFromEitherFraming() throws IOException {
        CloudEventsConverter converter = converter(false);
        Struct envelope = Fixtures.envelope(Fixtures.EVERY_TYPE, Fixtures.everyType());
        Headers written = new RecordHeaders();
        byte[] prefixed = converter.fromConnectData(TOPIC, written, envelope.schema(), envelope);
        int writtenId = ByteBuffer.wrap(prefixed, 1, 4).getInt();
        Headers headed = new RecordHeaders(written.toArray());
        headed.add("__value_schema_id", guidHeader(registry.guid(writtenId)));

        SchemaAndValue fromHeader =
                converter.toConnectData(TOPIC, headed, Arrays.copyOfRange(prefixed, 5, prefixed.length));

        assertThat(fromHeader).isEqualTo(converter.toConnectData(TOPIC, written, prefixed));
    }

    @Test
    void writingDropsAStaleSchemaIdHeaderThatWouldWinOverThePrefix() throws IOException {
        CloudEventsConverter converter = converter(false);
        Struct envelope = Fixtures.envelope(Fixtures.EVERY_TYPE, Fixtures.everyType());
        Headers event = headers("__value_schema_id", guidHeader(guid));
        Headers plain = headers("__value_schema_id", guidHeader(guid));
        Headers clean = new RecordHeaders();

        byte[] eventBytes = converter.fromConnectData(TOPIC, event, envelope.schema(), envelope);
        byte[] plainBytes = converter.fromConnectData(TOPIC, plain, Fixtures.EVERY_TYPE, Fixtures.everyType());
        byte[] cleanBytes = converter.fromConnectData(TOPIC, clean, envelope.schema(), envelope);

        assertThat(event.lastHeader("__value_schema_id")).isNull();
        assertThat(plain.lastHeader("__value_schema_id")).isNull();
        assertThat(converter.toConnectData(TOPIC, event, eventBytes))
                .isEqualTo(converter.toConnectData(TOPIC, clean, cleanBytes));
        assertThat(((Struct) converter.toConnectData(TOPIC, plain, plainBytes).value()).getString("text"))
                .isEqualTo(Fixtures.everyType().getString("text"));
    }

    @Test
    void aMalformedHeaderNamesTopicAndHeaderButNotTheBytes() {
        byte[] unknownVersion = new byte[17];
        unknownVersion[0] = 2;
        Arrays.fill(unknownVersion, 1, 17, (byte) 0x7E);

        assertThatThrownBy(
                        () -> converter(false).toConnectData(TOPIC, headers("__value_schema_id", unknownVersion), avro))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'" + TOPIC + "'")
                .hasMessageContaining("'__value_schema_id'")
                .hasMessageContaining("version 2")
                .hasMessageNotContaining("7e")
                .hasMessageNotContaining("126");
    }

    @Test
    void anUnknownGuidNamesTheGuidAndTheHeader() throws IOException {
        UUID unknown = new UUID(1, 2);

        assertThatThrownBy(() ->
                        converter(false).toConnectData(TOPIC, headers("__value_schema_id", guidHeader(unknown)), avro))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("GUID " + unknown)
                .hasMessageContaining("'__value_schema_id'")
                .hasMessageContaining("40403");
    }

    @Test
    void theHeaderFramingWithoutARegistryIsRejectedByName() throws IOException {
        CloudEventsConverter converter =
                Fixtures.converter("data.encoding", "avro", "avro.schemas", Fixtures.avroSchemas(Fixtures.EVERY_TYPE));

        assertThatThrownBy(() -> converter.toConnectData(TOPIC, headers("__value_schema_id", guidHeader(guid)), avro))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("'" + TOPIC + "'")
                .hasMessageContaining("'__value_schema_id'")
                .hasMessageContaining("schema.registry.url");
    }

    private static CloudEventsConverter converter(boolean isKey) {
        CloudEventsConverter converter = new CloudEventsConverter();
        converter.configure(Fixtures.config("data.encoding", "avro", "schema.registry.url", registry.url()), isKey);
        return converter;
    }

    private static Headers headers(String key, byte[] value) {
        Headers headers = new RecordHeaders();
        headers.add(key, value);
        return headers;
    }

    private static byte[] guidHeader(UUID guid) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream layout = new DataOutputStream(bytes);
        layout.writeByte(1);
        layout.writeLong(guid.getMostSignificantBits());
        layout.writeLong(guid.getLeastSignificantBits());
        return bytes.toByteArray();
    }

    private static byte[] idHeader(int schemaId) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream layout = new DataOutputStream(bytes);
        layout.writeByte(0);
        layout.writeInt(schemaId);
        return bytes.toByteArray();
    }

    private static byte[] prefixed(int schemaId, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream layout = new DataOutputStream(bytes);
        layout.writeByte(0);
        layout.writeInt(schemaId);
        layout.write(data);
        return bytes.toByteArray();
    }
}
