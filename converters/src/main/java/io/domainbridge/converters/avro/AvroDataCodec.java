package io.domainbridge.converters.avro;

import io.domainbridge.converters.SchemaCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro data in one of two framings. With a schema registry: Confluent's wire format, a zero magic byte, the schema's
 * 4-byte big-endian registry id and the Avro binary encoding. Without one: Avro's single-object encoding
 * ({@code C3 01}, the schema's 8-byte CRC-64-AVRO fingerprint, the binary encoding), whose schemas come from the
 * configuration. Reading recognises either framing by its first bytes, and also takes the registry's schema id from
 * a {@link SchemaIdHeader} ({@code __value_schema_id} or {@code __key_schema_id}), in which case the payload is the
 * bare binary encoding.
 */
public final class AvroDataCodec {

    public static final String CONTENT_TYPE = "application/avro";
    static final byte CONFLUENT_MAGIC = 0;
    static final int CONFLUENT_HEADER = 5;
    private static final byte[] SINGLE_OBJECT_MARKER = {(byte) 0xC3, 0x01};
    private static final int SINGLE_OBJECT_HEADER = 10;

    /** Avro bytes and, for registered schemas, the schema's URI for the {@code dataschema} attribute. */
    public record Encoded(byte[] bytes, String dataSchema) {}

    private record Writer(
            org.apache.avro.Schema avro,
            long fingerprint,
            GenericDatumWriter<Object> datumWriter,
            BinaryMessageEncoder<Object> messageEncoder,
            Map<String, Integer> ids) {
        static Writer of(Schema schema) {
            org.apache.avro.Schema avro = AvroSchemas.toAvro(schema);
            return new Writer(
                    avro,
                    SchemaNormalization.parsingFingerprint64(avro),
                    new GenericDatumWriter<>(avro),
                    new BinaryMessageEncoder<>(GenericData.get(), avro),
                    new ConcurrentHashMap<>());
        }
    }

    private record Reader(
            Schema connect, GenericDatumReader<Object> datumReader, BinaryMessageDecoder<Object> messageDecoder) {
        static Reader of(org.apache.avro.Schema avro) {
            return new Reader(
                    ConnectSchemas.toConnect(avro),
                    new GenericDatumReader<>(avro),
                    new BinaryMessageDecoder<>(GenericData.get(), avro));
        }
    }

    private final SchemaRegistryClient registry;
    private final SubjectNameStrategy subjects;
    private final boolean isKey;
    private final Map<Long, org.apache.avro.Schema> configured;
    private final SchemaCache<Schema, Writer> writers = new SchemaCache<>(256);
    private final Map<Integer, Reader> byId = new ConcurrentHashMap<>();
    private final Map<Long, Reader> byFingerprint = new ConcurrentHashMap<>();
    private final Map<UUID, Reader> byGuid = new ConcurrentHashMap<>();

    /**
     * @param registry the schema registry for the Confluent wire format, or {@code null} for single-object encoding
     * @param configured the schemas single-object encoding may write and read
     */
    public AvroDataCodec(
            SchemaRegistryClient registry,
            SubjectNameStrategy subjects,
            boolean isKey,
            List<org.apache.avro.Schema> configured) {
        this.registry = registry;
        this.subjects = subjects;
        this.isKey = isKey;
        this.configured = configured.stream()
                .collect(Collectors.toMap(
                        SchemaNormalization::parsingFingerprint64, Function.identity(), (first, second) -> first));
    }

    /** Whether any schema can be written: with a registry it is registered, without one it must be configured. */
    public boolean hasRegistry() {
        return registry != null;
    }

    /** Encodes a value; {@code eventType} names the subject under the type strategies, null for non-events. */
    public Encoded encode(String topic, String eventType, Schema schema, Object value) {
        Writer writer = writers.get(schema, Writer::of);
        Object datum;
        try {
            datum = AvroValues.toAvro(schema, value, writer.avro());
        } catch (ClassCastException e) {
            throw writeFailure(topic, e);
        }
        return registry != null ? confluent(topic, eventType, writer, datum) : singleObject(topic, writer, datum);
    }

    /** The header this codec reads a schema id from. */
    public String schemaIdHeaderName() {
        return SchemaIdHeader.name(isKey);
    }

    /**
     * Decodes Avro bytes whose schema id is in a header ({@code schemaIdHeader}, the header's value), or, when that
     * is null, framed by a payload prefix.
     */
    public SchemaAndValue decode(String topic, byte[] bytes, byte[] schemaIdHeader) {
        if (schemaIdHeader == null) {
            return decode(topic, bytes);
        }
        String header = schemaIdHeaderName();
        if (registry == null) {
            throw new DataException("A record in topic '" + topic + "' names its Avro schema in header '" + header
                    + "', which needs a schema registry, but no schema.registry.url is configured");
        }
        SchemaIdHeader id = SchemaIdHeader.parse(topic, header, schemaIdHeader);
        Reader reader = id.guid() != null
                ? byGuid.computeIfAbsent(id.guid(), guid -> registeredReader(topic, id, header))
                : byId.computeIfAbsent(id.id(), i -> registeredReader(topic, id, header));
        return bare(topic, reader, bytes, 0, id.describe() + " from header '" + header + "'");
    }

    /** Decodes Avro bytes in either framing. */
    public SchemaAndValue decode(String topic, byte[] bytes) {
        if (bytes.length >= CONFLUENT_HEADER && bytes[0] == CONFLUENT_MAGIC) {
            return confluent(topic, bytes);
        }
        if (bytes.length >= SINGLE_OBJECT_HEADER
                && bytes[0] == SINGLE_OBJECT_MARKER[0]
                && bytes[1] == SINGLE_OBJECT_MARKER[1]) {
            return singleObject(topic, bytes);
        }
        throw new DataException("Avro data of a record in topic '" + topic + "' starts with neither the Confluent"
                + " wire format's magic byte nor Avro's single-object marker");
    }

    private Encoded confluent(String topic, String eventType, Writer writer, Object datum) {
        String subject = subjects.subject(topic, isKey, eventType, writer.avro());
        int id = writer.ids().computeIfAbsent(subject, s -> registry.register(s, writer.avro()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(CONFLUENT_MAGIC);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.datumWriter().write(datum, encoder);
        } catch (IOException | RuntimeException e) {
            throw writeFailure(topic, e);
        }
        return new Encoded(out.toByteArray(), registry.location() + "/schemas/ids/" + id);
    }

    private Encoded singleObject(String topic, Writer writer, Object datum) {
        long fingerprint = writer.fingerprint();
        if (!configured.containsKey(fingerprint)) {
            throw new DataException("The Avro schema of a record in topic '" + topic + "' ("
                    + writer.avro().getFullName()
                    + ", fingerprint " + Long.toHexString(fingerprint) + ") is not in avro.schemas; add it: "
                    + writer.avro());
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(128);
            writer.messageEncoder().encode(datum, out);
            return new Encoded(out.toByteArray(), null);
        } catch (IOException | RuntimeException e) {
            throw writeFailure(topic, e);
        }
    }

    private SchemaAndValue confluent(String topic, byte[] bytes) {
        if (registry == null) {
            throw new DataException("A record in topic '" + topic + "' holds Avro data in the Confluent wire format,"
                    + " but no schema.registry.url is configured");
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Reader reader = byId.computeIfAbsent(id, i -> registeredReader(topic, new SchemaIdHeader(i, null), null));
        return bare(topic, reader, bytes, CONFLUENT_HEADER, "schema id " + id);
    }

    /** Decodes the binary encoding from {@code offset} to the end, which the datum must fill exactly. */
    private static SchemaAndValue bare(String topic, Reader reader, byte[] bytes, int offset, String schema) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, null);
        Object datum;
        try {
            datum = reader.datumReader().read(null, decoder);
            if (!decoder.isEnd()) {
                throw new DataException("Avro data of a record in topic '" + topic + "' has bytes left after the"
                        + " datum of " + schema);
            }
        } catch (IOException | RuntimeException e) {
            throw readFailure(topic, schema, e);
        }
        return connect(topic, reader, datum);
    }

    /** {@code header} names the header the id came from, null for the payload prefix. */
    private Reader registeredReader(String topic, SchemaIdHeader id, String header) {
        try {
            return Reader.of(id.guid() != null ? registry.schemaByGuid(id.guid()) : registry.schemaById(id.id()));
        } catch (DataException e) {
            String source = header == null ? "" : " (header '" + header + "')";
            throw new DataException(
                    "The Avro " + id.describe() + source + " of a record in topic '" + topic + "' cannot be resolved: "
                            + e.getMessage(),
                    e);
        }
    }

    private SchemaAndValue singleObject(String topic, byte[] bytes) {
        long fingerprint =
                ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        org.apache.avro.Schema schema = configured.get(fingerprint);
        if (schema == null) {
            throw new DataException("A record in topic '" + topic + "' holds Avro data of a schema not in avro.schemas"
                    + " (fingerprint " + Long.toHexString(fingerprint) + ")");
        }
        Reader reader = byFingerprint.computeIfAbsent(fingerprint, f -> Reader.of(schema));
        Object datum;
        try {
            datum = reader.messageDecoder().decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw readFailure(topic, "schema " + schema.getFullName(), e);
        }
        return connect(topic, reader, datum);
    }

    private static SchemaAndValue connect(String topic, Reader reader, Object datum) {
        try {
            return new SchemaAndValue(reader.connect(), AvroValues.toConnect(reader.connect(), datum));
        } catch (DataException e) {
            throw new DataException("Avro data of a record in topic '" + topic + "': " + e.getMessage(), e);
        }
    }

    /** Without the cause: Avro's messages for values outside a schema quote the value. */
    private static DataException writeFailure(String topic, Exception e) {
        if (e instanceof DataException data) {
            return data;
        }
        String detail = e instanceof NullPointerException ? ": " + e.getMessage() : "";
        return new DataException("Cannot write the Avro data of a record for topic '" + topic + "': "
                + e.getClass().getSimpleName() + detail);
    }

    /** Names the exception's type only: Avro's messages can quote the bytes. */
    private static DataException readFailure(String topic, String schema, Exception e) {
        return e instanceof DataException data
                ? data
                : new DataException(
                        "Avro data of a record in topic '" + topic + "' does not decode with " + schema + ": "
                                + e.getClass().getSimpleName(),
                        e);
    }
}
