package io.domainbridge.transforms.boundary;

import io.domainbridge.events.ChangeEvents;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The schemaless counterpart of the plans: filters rows and change events held as maps, by the same rules. Without a
 * schema a masked value is always null and pseudonyms take the canonical text of the value's Java type.
 */
final class MapFilter {

    private MapFilter() {}

    static Map<String, Object> filter(Map<?, ?> input, TableContract table, Pseudonymizer pseudonymizer) {
        return ChangeEvents.isChangeEvent(input)
                ? filterEnvelope(input, table, pseudonymizer)
                : filterRow(input, table, pseudonymizer);
    }

    private static Map<String, Object> filterEnvelope(
            Map<?, ?> envelope, TableContract table, Pseudonymizer pseudonymizer) {
        Map<String, Object> output = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : envelope.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            Set<String> metadata = SchemaStructure.metadataFields(name);
            if (SchemaStructure.isRowField(name)) {
                output.put(name, value instanceof Map<?, ?> row ? filterRow(row, table, pseudonymizer) : null);
            } else if (metadata != null && value instanceof Map<?, ?> block) {
                output.put(name, filterMetadata(block, metadata));
            } else if (SchemaStructure.isPlainField(name) && isPlain(value)) {
                output.put(name, value);
            }
        }
        return output;
    }

    private static Map<String, Object> filterMetadata(Map<?, ?> block, Set<String> allowed) {
        Map<String, Object> output = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : block.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (allowed.contains(name) && isPlain(entry.getValue())) {
                output.put(name, entry.getValue());
            }
        }
        return output;
    }

    private static boolean isPlain(Object value) {
        return !(value instanceof Map || value instanceof Collection);
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
