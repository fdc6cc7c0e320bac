package io.domainbridge.transforms.boundary;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schemaless counterpart of the plans: filters rows and change events held as maps. Without a schema a masked
 * value is always null and pseudonyms take the canonical text of the value's Java type.
 */
final class MapFilter {

    private MapFilter() {}

    static Map<String, Object> filter(Map<?, ?> input, TableContract table, Pseudonymizer pseudonymizer) {
        return isEnvelope(input) ? filterEnvelope(input, table, pseudonymizer) : filterRow(input, table, pseudonymizer);
    }

    static boolean isEnvelope(Map<?, ?> value) {
        return value.containsKey(SchemaStructure.OP)
                && value.get(SchemaStructure.SOURCE) instanceof Map
                && (value.containsKey(SchemaStructure.AFTER) || value.containsKey(SchemaStructure.BEFORE));
    }

    private static Map<String, Object> filterEnvelope(
            Map<?, ?> envelope, TableContract table, Pseudonymizer pseudonymizer) {
        Map<String, Object> output = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : envelope.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            boolean row = SchemaStructure.isRowField(name) && value instanceof Map;
            output.put(name, row ? filterRow((Map<?, ?>) value, table, pseudonymizer) : value);
        }
        return output;
    }

    private static Map<String, Object> filterRow(Map<?, ?> row, TableContract table, Pseudonymizer pseudonymizer) {
        Map<String, Object> output = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : row.entrySet()) {
            ColumnRule rule = table.rule(String.valueOf(entry.getKey()));
            if (rule != null) {
                output.put(rule.outputName(), treat(rule, entry.getValue(), pseudonymizer));
            }
        }
        return output;
    }

    private static Object treat(ColumnRule rule, Object value, Pseudonymizer pseudonymizer) {
        return switch (rule.treatment()) {
            case KEEP -> value;
            case MASK -> null;
            case PSEUDONYMIZE -> pseudonymizer.pseudonymize(null, value);
        };
    }
}
