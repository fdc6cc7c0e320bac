package io.domainbridge.testkit.scenarios;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract a Debezium source's DomainBoundary transforms enforce, read from its connector config: per table,
 * the source columns it names and the field names that may leave (after renames), for the value and for the key.
 */
public record BoundaryContract(
        String contractId,
        Map<String, Set<String>> sourceColumns,
        Map<String, Set<String>> valueFields,
        Set<String> keyFields) {

    /** The contract of the connector, or null when it has no DomainBoundary transform. */
    public static BoundaryContract of(Map<String, String> config) {
        String valueAlias = alias(config, "DomainBoundary$Value");
        if (valueAlias == null) {
            return null;
        }
        String keyAlias = alias(config, "DomainBoundary$Key");
        Map<String, Set<String>> sourceColumns = new LinkedHashMap<>();
        Map<String, Set<String>> valueFields = new LinkedHashMap<>();
        collect(config, valueAlias, sourceColumns, valueFields);
        Map<String, Set<String>> keyFields = new LinkedHashMap<>();
        if (keyAlias != null) {
            collect(config, keyAlias, new LinkedHashMap<>(), keyFields);
        }
        Set<String> keys = new LinkedHashSet<>();
        keyFields.values().forEach(keys::addAll);
        return new BoundaryContract(
                config.get("transforms." + valueAlias + ".contract.id"), sourceColumns, valueFields, keys);
    }

    private static String alias(Map<String, String> config, String typeSuffix) {
        for (String alias : list(config.getOrDefault("transforms", ""))) {
            if (config.getOrDefault("transforms." + alias + ".type", "").endsWith(typeSuffix)) {
                return alias;
            }
        }
        return null;
    }

    private static void collect(
            Map<String, String> config,
            String alias,
            Map<String, Set<String>> sourceColumns,
            Map<String, Set<String>> fields) {
        String prefix = "transforms." + alias + ".";
        Map<String, String> renames = new LinkedHashMap<>();
        for (String rename : list(config.getOrDefault(prefix + "renames", ""))) {
            String[] parts = rename.split(":");
            renames.put(parts[0], parts[1]);
        }
        for (String key : List.of("columns", "mask.columns", "pseudonymize.columns")) {
            for (String qualified : list(config.getOrDefault(prefix + key, ""))) {
                int dot = qualified.lastIndexOf('.');
                String table = qualified.substring(0, dot);
                String column = qualified.substring(dot + 1);
                sourceColumns.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(column);
                fields.computeIfAbsent(table, t -> new LinkedHashSet<>()).add(renames.getOrDefault(qualified, column));
            }
        }
    }

    public static List<String> list(String value) {
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
