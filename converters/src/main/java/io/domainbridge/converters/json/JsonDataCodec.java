package io.domainbridge.converters.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.domainbridge.converters.SchemaCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;

/**
 * JSON data: the value as plain JSON (what any CloudEvents consumer expects) and, when schemas are enabled, its
 * Connect schema in a header of its own, so the converter reads back exactly the schema it was given. Without that
 * header, data is read schemaless, or with an inferred schema where a struct is required.
 */
public final class JsonDataCodec {

    public static final String CONTENT_TYPE = "application/json";
    /** The Kafka header holding the Connect schema of JSON data; not a CloudEvents attribute. */
    public static final String SCHEMA_HEADER = "domainbridge.data.schema";
    /** The same for a record key, so key and value converters sharing a record's headers keep apart. */
    public static final String KEY_SCHEMA_HEADER = "domainbridge.key.schema";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private final boolean schemasEnabled;
    private final String schemaHeaderName;
    private final SchemaCache<Schema, byte[]> schemaHeaders = new SchemaCache<>(256);
    private final SchemaCache<ByteBuffer, Schema> schemas = new SchemaCache<>(256);
    private volatile LastHeader lastHeader;

    private record LastHeader(byte[] bytes, Schema schema) {}

    public JsonDataCodec(boolean schemasEnabled, String schemaHeaderName) {
        this.schemasEnabled = schemasEnabled;
        this.schemaHeaderName = schemaHeaderName;
    }

    /** The header this codec puts the schema in: {@link #SCHEMA_HEADER}, or {@link #KEY_SCHEMA_HEADER} for keys. */
    public String schemaHeaderName() {
        return schemaHeaderName;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The data as JSON text. */
    public byte[] encode(String topic, Schema schema, Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            write(topic, json, schema, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the data into a document being generated, e.g. a structured-mode event. */
    public void write(String topic, JsonGenerator json, Schema schema, Object value) throws IOException {
        try {
            if (schema == null) {
                MAPPER.writeValue(json, value);
            } else {
                JsonValues.write(json, schema, value);
            }
        } catch (ClassCastException | DataException e) {
            throw new DataException("The data of a record for topic '" + topic + "' does not match its schema");
        }
    }

    /** The schema header's value for a schema, or {@code null} when schemas are disabled. */
    public byte[] schemaHeader(Schema schema) {
        if (schema == null || !schemasEnabled) {
            return null;
        }
        return schemaHeaders.get(schema, s -> bytes(ConnectSchemaJson.toJson(MAPPER, s)));
    }

    /** Reads the schema from a schema header's value. */
    public Schema schemaOf(String topic, byte[] header) {
        LastHeader last = lastHeader;
        // comparing with the last header is vectorised; hashing a header of a kilobyte is not
        if (last != null && Arrays.equals(last.bytes(), header)) {
            return last.schema();
        }
        Schema schema = cachedSchemaOf(topic, header);
        lastHeader = new LastHeader(header, schema);
        return schema;
    }

    private Schema cachedSchemaOf(String topic, byte[] header) {
        try {
            return schemas.get(ByteBuffer.wrap(header), h -> ConnectSchemaJson.parse(MAPPER, header));
        } catch (DataException e) {
            throw new DataException("The " + schemaHeaderName + " header of a record in topic '" + topic
                    + "' is not a valid schema: " + e.getMessage());
        }
    }

    public JsonNode parse(String topic, byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new DataException("The data of a record in topic '" + topic + "' is not valid JSON");
        }
    }

    /**
     * Reads JSON data. With a schema, the value must match it; without one, {@code needsStruct} asks for an
     * inferred struct schema (event data), otherwise the value is read schemaless.
     */
    public SchemaAndValue read(String topic, JsonNode node, Schema schema, boolean needsStruct) {
        try {
            if (schema != null) {
                return new SchemaAndValue(schema, JsonValueReader.read(node, schema, "data"));
            }
            if (needsStruct && node.isObject()) {
                return JsonInference.inferred(node);
            }
            return new SchemaAndValue(null, JsonInference.schemaless(node));
        } catch (DataException e) {
            throw new DataException(
                    "The JSON data of a record in topic '" + topic + "' does not match its schema: " + e.getMessage());
        }
    }

    static JsonNode toTree(ObjectMapper mapper, Schema schema, Object value) {
        try (TokenBuffer buffer = new TokenBuffer(mapper, false)) {
            JsonValues.write(buffer, schema, value);
            return mapper.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
