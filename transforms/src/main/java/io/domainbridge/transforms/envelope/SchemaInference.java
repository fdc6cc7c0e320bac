package io.domainbridge.transforms.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Builds a schema from a JSON payload, for event types declared as inferred: objects become structs, integers
 * int64 (beyond its range a decimal of scale 0, so no digit is lost), other numbers float64; every field is optional.
 * An array's element schema is inferred from all its non-null elements, not from the first one: objects give the
 * union of their fields and numbers the widest type, so no element loses a field because an earlier element lacked
 * it. Elements of different kinds (an object beside a string) keep the first element's kind and fail validation.
 */
final class SchemaInference {

    private static final Schema WHOLE_DECIMAL = Decimal.builder(0).optional().build();

    private SchemaInference() {}

    static Schema infer(JsonNode payload, String name) {
        return of(List.of(payload), name);
    }

    /** The schema that every one of {@code nodes} (values found at the same place) fits. */
    private static Schema of(List<JsonNode> nodes, String name) {
        List<JsonNode> present = nodes.stream().filter(node -> !node.isNull()).toList();
        if (present.isEmpty()) {
            return Schema.OPTIONAL_STRING_SCHEMA;
        }
        JsonNode first = present.get(0);
        if (first.isObject() && present.stream().allMatch(JsonNode::isObject)) {
            return struct(present, name);
        }
        if (first.isArray() && present.stream().allMatch(JsonNode::isArray)) {
            List<JsonNode> elements = new ArrayList<>();
            present.forEach(array -> array.forEach(elements::add));
            return SchemaBuilder.array(of(elements, name + "_item")).optional().build();
        }
        if (first.isNumber() && present.stream().allMatch(JsonNode::isNumber)) {
            return number(present);
        }
        return firstKind(first, name);
    }

    private static Schema struct(List<JsonNode> objects, String name) {
        Map<String, List<JsonNode>> valuesByField = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                valuesByField
                        .computeIfAbsent(field.getKey(), k -> new ArrayList<>())
                        .add(field.getValue());
            }
        }
        SchemaBuilder builder = SchemaBuilder.struct().name(name).optional();
        valuesByField.forEach((field, values) -> builder.field(field, of(values, name + "_" + field)));
        return builder.build();
    }

    private static Schema number(List<JsonNode> numbers) {
        if (!numbers.stream().allMatch(JsonNode::isIntegralNumber)) {
            return Schema.OPTIONAL_FLOAT64_SCHEMA;
        }
        return numbers.stream().allMatch(JsonNode::canConvertToLong) ? Schema.OPTIONAL_INT64_SCHEMA : WHOLE_DECIMAL;
    }

    private static Schema firstKind(JsonNode node, String name) {
        if (node.isObject() || node.isArray()) {
            return of(List.of(node), name);
        }
        if (node.isNumber()) {
            return number(List.of(node));
        }
        return node.isBoolean() ? Schema.OPTIONAL_BOOLEAN_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA;
    }
}
