package io.domainbridge.transforms.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Builds a schema from a JSON payload, for event types declared as inferred: objects become structs, integers
 * int64 (beyond its range a decimal of scale 0, so no digit is lost), other numbers float64, arrays take the type of
 * their first non-null element; every field is optional.
 */
final class SchemaInference {

    private static final Schema WHOLE_DECIMAL = Decimal.builder(0).optional().build();

    private SchemaInference() {}

    static Schema infer(JsonNode payload, String name) {
        return struct(payload, name);
    }

    private static Schema struct(JsonNode node, String name) {
        SchemaBuilder builder = SchemaBuilder.struct().name(name).optional();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            builder.field(field.getKey(), of(field.getValue(), name + "_" + field.getKey()));
        }
        return builder.build();
    }

    private static Schema of(JsonNode node, String name) {
        if (node.isObject()) {
            return struct(node, name);
        }
        if (node.isArray()) {
            return SchemaBuilder.array(of(firstNonNull(node), name + "_item"))
                    .optional()
                    .build();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? Schema.OPTIONAL_INT64_SCHEMA : WHOLE_DECIMAL;
        }
        if (node.isNumber()) {
            return Schema.OPTIONAL_FLOAT64_SCHEMA;
        }
        return node.isBoolean() ? Schema.OPTIONAL_BOOLEAN_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA;
    }

    private static JsonNode firstNonNull(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isNull()) {
                return element;
            }
        }
        return com.fasterxml.jackson.databind.node.NullNode.getInstance();
    }
}
