package io.domainbridge.transforms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Questions about the shape of a JSON payload that decide how EventRouter and the envelope treat it. The rules of
 * EventRouter's expansion were measured on Debezium 3.6.1's EventRouter, not read from its documentation.
 */
final class JsonShapes {

    private JsonShapes() {}

    /** Whether some array holds an object (or array) beside an element of another kind, nulls aside. */
    static boolean hasArrayOfMixedKinds(JsonNode node) {
        return anyArray(
                node,
                array -> count(array, JsonNode::isContainerNode) > 0
                        && count(array, e -> !e.isContainerNode() && !e.isNull()) > 0);
    }

    /**
     * Whether EventRouter's {@code table.expand.json.payload} gives up and passes the payload on as text: an array of
     * numbers of different types (int32, int64, float64), or an array led by null whose objects differ in fields.
     */
    static boolean eventRouterLeavesUnexpanded(JsonNode node) {
        return anyArray(node, array -> numberTypes(array) > 1) || eventRouterConvertsWrongly(node);
    }

    /**
     * Whether EventRouter infers a schema its own conversion then refuses (a null-led array of unlike objects): it
     * falls back to the JSON text, which no longer fits a value struct typed from the inferred schema.
     */
    static boolean eventRouterConvertsWrongly(JsonNode node) {
        return anyArray(node, array -> nullLed(array) && unlikeObjects(array))
                && !anyArray(node, array -> numberTypes(array) > 1);
    }

    private static boolean anyArray(JsonNode node, Predicate<JsonNode> test) {
        if (node.isArray() && test.test(node)) {
            return true;
        }
        for (JsonNode child : node) {
            if (anyArray(child, test)) {
                return true;
            }
        }
        return false;
    }

    private static long count(JsonNode array, Predicate<JsonNode> test) {
        long n = 0;
        for (JsonNode element : array) {
            n += test.test(element) ? 1 : 0;
        }
        return n;
    }

    private static int numberTypes(JsonNode array) {
        Set<Object> types = new HashSet<>();
        array.forEach(e -> {
            if (e.isNumber()) {
                types.add(e.numberType());
            }
        });
        return types.size();
    }

    private static boolean nullLed(JsonNode array) {
        return !array.isEmpty() && array.get(0).isNull();
    }

    private static boolean unlikeObjects(JsonNode array) {
        Set<Set<String>> fieldSets = new HashSet<>();
        array.forEach(e -> {
            if (e.isObject()) {
                Set<String> names = new HashSet<>();
                e.fieldNames().forEachRemaining(names::add);
                fieldSets.add(names);
            }
        });
        return fieldSets.size() > 1;
    }
}
