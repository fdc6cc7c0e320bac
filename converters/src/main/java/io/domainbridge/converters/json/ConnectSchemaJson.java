package io.domainbridge.converters.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

/**
 * A Connect schema as JSON, in the shape Kafka's JsonConverter uses for its envelope schemas ({@code type},
 * {@code optional}, {@code name}, {@code version}, {@code doc}, {@code parameters}, {@code default}, {@code fields}
 * with {@code field}, {@code items}, {@code keys}, {@code values}), so plain-JSON data can be read back exactly.
 */
final class ConnectSchemaJson {

    private ConnectSchemaJson() {}

    static ObjectNode toJson(ObjectMapper mapper, Schema schema) {
        ObjectNode json = mapper.createObjectNode();
        json.put("type", schema.type().getName());
        json.put("optional", schema.isOptional());
        putIfNotNull(json, "name", schema.name());
        if (schema.version() != null) {
            json.put("version", schema.version());
        }
        putIfNotNull(json, "doc", schema.doc());
        if (schema.parameters() != null && !schema.parameters().isEmpty()) {
            ObjectNode parameters = json.putObject("parameters");
            schema.parameters().forEach(parameters::put);
        }
        switch (schema.type()) {
            case ARRAY -> json.set("items", toJson(mapper, schema.valueSchema()));
            case MAP -> {
                json.set("keys", toJson(mapper, schema.keySchema()));
                json.set("values", toJson(mapper, schema.valueSchema()));
            }
            case STRUCT -> {
                var fields = json.putArray("fields");
                for (Field field : schema.fields()) {
                    fields.add(toJson(mapper, field.schema()).put("field", field.name()));
                }
            }
            default -> {}
        }
        if (schema.defaultValue() != null) {
            json.set("default", JsonDataCodec.toTree(mapper, schema, schema.defaultValue()));
        }
        return json;
    }

    static Schema fromJson(JsonNode json) {
        SchemaBuilder builder = builder(json);
        if (json.path("optional").asBoolean(false)) {
            builder.optional();
        }
        if (json.hasNonNull("name")) {
            builder.name(json.get("name").asText());
        }
        if (json.hasNonNull("version")) {
            builder.version(json.get("version").asInt());
        }
        if (json.hasNonNull("doc")) {
            builder.doc(json.get("doc").asText());
        }
        json.path("parameters")
                .properties()
                .forEach(p -> builder.parameter(p.getKey(), p.getValue().asText()));
        if (json.hasNonNull("default")) {
            Object value = JsonValueReader.read(json.get("default"), builder.build(), "default");
            builder.defaultValue(value);
        }
        return builder.build();
    }

    private static SchemaBuilder builder(JsonNode json) {
        String type = json.path("type").asText();
        Schema.Type schemaType;
        try {
            schemaType = Schema.Type.valueOf(type.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DataException("unknown schema type '" + type + "'");
        }
        return switch (schemaType) {
            case ARRAY -> SchemaBuilder.array(fromJson(json.path("items")));
            case MAP -> SchemaBuilder.map(fromJson(json.path("keys")), fromJson(json.path("values")));
            case STRUCT -> {
                SchemaBuilder struct = SchemaBuilder.struct();
                json.path("fields")
                        .forEach(field -> struct.field(field.path("field").asText(), fromJson(field)));
                yield struct;
            }
            default -> SchemaBuilder.type(schemaType);
        };
    }

    private static void putIfNotNull(ObjectNode json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    static Schema parse(ObjectMapper mapper, byte[] bytes) {
        try {
            return fromJson(mapper.readTree(bytes));
        } catch (IOException e) {
            throw new DataException("the data schema header is not JSON");
        }
    }
}
