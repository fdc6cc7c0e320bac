package io.domainbridge.transforms.boundary;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * Reads a data contract from its column lists: each shared column with its one treatment and the name it leaves
 * under. Errors name the configuration key and what is wrong with the entry.
 */
public final class ContractParser {

    /** One list of the contract: the key it is configured under, its {@code schema.table.column} entries, and the
     * treatment they get. */
    public record ColumnList(String key, List<String> entries, Treatment treatment) {}

    private final String renamesKey;
    private final List<String> renames;

    /**
     * @param renamesKey the key of the renames, for errors
     * @param renames entries {@code schema.table.column:new_name}
     */
    public ContractParser(String renamesKey, List<String> renames) {
        this.renamesKey = renamesKey;
        this.renames = renames;
    }

    /** The rule of every shared column; at least one list must name a column. */
    public Map<QualifiedColumn, ColumnRule> parse(List<ColumnList> lists) {
        Map<QualifiedColumn, Treatment> treatments = treatments(lists);
        Map<QualifiedColumn, String> renamed = renamed(treatments);
        Map<QualifiedColumn, ColumnRule> rules = new LinkedHashMap<>();
        Map<String, QualifiedColumn> outputNames = new HashMap<>();
        treatments.forEach((column, treatment) -> {
            String outputName = renamed.getOrDefault(column, column.column());
            QualifiedColumn clash = outputNames.put(column.tableName() + "." + outputName, column);
            if (clash != null) {
                throw new ConfigException(
                        renamesKey,
                        renames,
                        "columns " + clash + " and " + column + " would both leave as '" + outputName + "'");
            }
            rules.put(column, new ColumnRule(outputName, treatment));
        });
        return rules;
    }

    private static Map<QualifiedColumn, Treatment> treatments(List<ColumnList> lists) {
        Map<QualifiedColumn, Treatment> treatments = new LinkedHashMap<>();
        Map<QualifiedColumn, String> listedIn = new HashMap<>();
        for (ColumnList list : lists) {
            for (String entry : list.entries()) {
                QualifiedColumn column = QualifiedColumn.parse(entry.trim());
                String earlier = listedIn.putIfAbsent(column, list.key());
                if (earlier != null) {
                    throw new ConfigException(
                            list.key(),
                            entry,
                            "the column is also listed in " + earlier + "; a column has exactly one treatment");
                }
                treatments.put(column, list.treatment());
            }
        }
        if (treatments.isEmpty()) {
            String keys = String.join(", ", lists.stream().map(ColumnList::key).toList());
            throw new ConfigException(
                    lists.get(0).key(), "", "the contract shares no column: name at least one in " + keys);
        }
        return treatments;
    }

    private Map<QualifiedColumn, String> renamed(Map<QualifiedColumn, Treatment> treatments) {
        Map<QualifiedColumn, String> renamed = new HashMap<>();
        for (String entry : renames) {
            String[] parts = entry.trim().split(":");
            QualifiedColumn column = QualifiedColumn.parse(parts[0]);
            if (!treatments.containsKey(column)) {
                throw new ConfigException(renamesKey, entry, "renames a column the contract does not share");
            }
            if (renamed.put(column, parts[1]) != null) {
                throw new ConfigException(renamesKey, entry, "the column is renamed more than once");
            }
        }
        return renamed;
    }
}
