package io.domainbridge.converters.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

/**
 * Values of JSON that came without a Connect schema: either schemaless (maps, lists, strings, longs, doubles, booleans)
 * or, where a struct is needed (the data of an event written by another producer), with a schema inferred from the
 * document: objects become structs with optional fields in document order, integers int64, other numbers float64.
 */
final class JsonInference {

    private JsonInference() {}

    static Object schemaless(JsonNode node) {
        if (JsonValues.isAbsent(node)) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(entry -> map.put(entry.getKey(), schemaless(entry.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(schemaless(item)));
            return items;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isBoolean() ? node.booleanValue() : node.asText();
    }

    static SchemaAndValue inferred(JsonNode node) {
        Schema schema = schemaOf(node, "data");
        return new SchemaAndValue(schema, JsonValueReader.read(node, schema, "data"));
    }

    private static Schema schemaOf(JsonNode node, String path) {
        if (JsonValues.isAbsent(node) || node.isTextual()) {
            return Schema.OPTIONAL_STRING_SCHEMA;
        }
        if (node.isIntegralNumber()) {
            return Schema.OPTIONAL_INT64_SCHEMA;
        }
        if (node.isNumber()) {
            return Schema.OPTIONAL_FLOAT64_SCHEMA;
        }
        if (node.isBoolean()) {
            return Schema.OPTIONAL_BOOLEAN_SCHEMA;
        }
        if (node.isArray()) {
            Schema items = node.isEmpty() ? Schema.OPTIONAL_STRING_SCHEMA : schemaOf(node.get(0), path + "[0]");
            for (int i = 1; i < node.size(); i++) {
                if (!JsonValues.isAbsent(node.get(i))
                        && !schemaOf(node.get(i), path).equals(items)) {
                    throw new DataException("array '" + path + "' mixes types, so no schema can be inferred");
                }
            }
            return SchemaBuilder.array(items).optional().build();
        }
        SchemaBuilder struct = SchemaBuilder.struct().optional();
        node.properties()
                .forEach(
                        entry -> struct.field(entry.getKey(), schemaOf(entry.getValue(), path + "." + entry.getKey())));
        return struct.build();
    }
}
