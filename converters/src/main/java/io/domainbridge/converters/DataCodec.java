package io.domainbridge.converters;

import io.domainbridge.converters.avro.AvroDataCodec;
import io.domainbridge.converters.json.JsonDataCodec;
import java.util.Locale;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * The data of a record in the configured encoding on the way out, and in whichever encoding its content type names on
 * the way in, so a reader handles what any writer configuration produced.
 */
public final class DataCodec {

    /** Encoded data with what travels beside it. */
    public record Encoded(byte[] bytes, String contentType, String dataSchema, byte[] schemaHeader) {}

    private final DataEncoding encoding;
    private final JsonDataCodec json;
    private final AvroDataCodec avro;

    public DataCodec(DataEncoding encoding, JsonDataCodec json, AvroDataCodec avro) {
        this.encoding = encoding;
        this.json = json;
        this.avro = avro;
    }

    public JsonDataCodec json() {
        return json;
    }

    /** The header that can carry the registry's id of the Avro schema instead of the payload prefix. */
    public String schemaIdHeaderName() {
        return avro.schemaIdHeaderName();
    }

    public DataEncoding encoding() {
        return encoding;
    }

    public String contentType() {
        return encoding == DataEncoding.AVRO ? AvroDataCodec.CONTENT_TYPE : JsonDataCodec.CONTENT_TYPE;
    }

    /** Whether data of any schema can be written: not so for Avro without a registry, which knows its schemas only. */
    public boolean writesAnySchema() {
        return encoding != DataEncoding.AVRO || avro.hasRegistry();
    }

    /** Encodes a value as JSON, whatever the configured encoding. */
    public Encoded encodeJson(String topic, Schema schema, Object value) {
        byte[] bytes = value == null ? null : json.encode(topic, schema, value);
        return new Encoded(bytes, JsonDataCodec.CONTENT_TYPE, null, json.schemaHeader(schema));
    }

    /** Encodes a value; {@code eventType} is the CloudEvents type, or null for records that are not events. */
    public Encoded encode(String topic, String eventType, Schema schema, Object value) {
        if (value == null) {
            return new Encoded(null, contentType(), null, json.schemaHeader(schema));
        }
        if (encoding == DataEncoding.AVRO) {
            if (schema == null) {
                throw new DataException("Avro data needs a schema, but a record for topic '" + topic + "' has none");
            }
            AvroDataCodec.Encoded encoded = avro.encode(topic, eventType, schema, value);
            return new Encoded(encoded.bytes(), AvroDataCodec.CONTENT_TYPE, encoded.dataSchema(), null);
        }
        return new Encoded(
                json.encode(topic, schema, value), JsonDataCodec.CONTENT_TYPE, null, json.schemaHeader(schema));
    }

    /**
     * Decodes data of a content type ({@code null}: the configured encoding). {@code schemaHeader} is the JSON
     * schema header's value, if any; {@code needsStruct} asks for a struct even without a schema (event data).
     */
    public SchemaAndValue decode(
            String topic, String contentType, byte[] bytes, byte[] schemaHeader, boolean needsStruct) {
        return decode(topic, contentType, bytes, schemaHeader, null, needsStruct);
    }

    /** As above; {@code schemaIdHeader} is the value of the Avro schema-id header ({@link #schemaIdHeaderName()}). */
    public SchemaAndValue decode(
            String topic,
            String contentType,
            byte[] bytes,
            byte[] schemaHeader,
            byte[] schemaIdHeader,
            boolean needsStruct) {
        Schema declared = schemaHeader == null ? null : json.schemaOf(topic, schemaHeader);
        if (bytes == null) {
            return new SchemaAndValue(declared, null);
        }
        if (isAvro(contentType)) {
            return avro.decode(topic, bytes, schemaIdHeader);
        }
        if (!isJson(contentType)) {
            throw new DataException("A record in topic '" + topic + "' has data of content type '" + contentType
                    + "', which the converter does not read (JSON and Avro only)");
        }
        return json.read(topic, json.parse(topic, bytes), declared, needsStruct);
    }

    /** Whether a content type names the configured encoding, so it can stand for the encoded data. */
    public boolean matches(String contentType) {
        return encoding == DataEncoding.AVRO ? isAvro(contentType) : isJson(contentType) && !isAvro(contentType);
    }

    public boolean isAvro(String contentType) {
        if (contentType == null) {
            return encoding == DataEncoding.AVRO;
        }
        String type = mediaType(contentType);
        return type.equals("application/avro") || type.equals("avro/binary") || type.endsWith("+avro");
    }

    public static boolean isJson(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = mediaType(contentType);
        return type.equals("application/json") || type.equals("text/json") || type.endsWith("+json");
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .trim()
                .toLowerCase(Locale.ROOT);
    }
}
