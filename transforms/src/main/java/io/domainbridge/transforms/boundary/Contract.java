package io.domainbridge.transforms.boundary;

import io.domainbridge.events.ChangeEvents;
import io.domainbridge.events.ChangeEvents.TableName;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Schema;

/** A data contract: the tables and columns that may leave a domain, and which table a record belongs to. */
public final class Contract {

    private final Map<String, Map<String, TableContract>> tables;
    private final DebeziumNames names = new DebeziumNames();

    private Contract(Map<String, Map<String, TableContract>> tables) {
        this.tables = tables;
    }

    /** Builds a contract from the rule of every shared column. */
    public static Contract of(Map<QualifiedColumn, ColumnRule> rules, Pseudonymizer pseudonymizer) {
        Map<String, Map<String, ColumnRule>> columnsByTable = new LinkedHashMap<>();
        for (Map.Entry<QualifiedColumn, ColumnRule> entry : rules.entrySet()) {
            columnsByTable
                    .computeIfAbsent(entry.getKey().tableName(), name -> new HashMap<>())
                    .put(entry.getKey().column(), entry.getValue());
        }
        Map<String, Map<String, TableContract>> tables = new HashMap<>();
        for (QualifiedColumn column : rules.keySet()) {
            String name = column.tableName();
            tables.computeIfAbsent(column.schema(), schema -> new HashMap<>())
                    .computeIfAbsent(
                            column.table(), table -> new TableContract(name, columnsByTable.get(name), pseudonymizer));
        }
        return new Contract(tables);
    }

    /** The table's contract, or null when the table is not shared. */
    public TableContract table(String schema, String table) {
        Map<String, TableContract> inSchema = schema == null ? null : tables.get(schema);
        return inSchema == null || table == null ? null : inSchema.get(table);
    }

    /**
     * The contract of the table a record belongs to, or null when the table is not shared or the record does not
     * name exactly one table. A change event names it in its {@code source} block; any other record (a flat row, a
     * key with a tombstone) by the Debezium names of its schemas, and only without those by its topic.
     */
    public TableContract tableOf(String topic, Schema keySchema, Schema valueSchema, Object value) {
        TableName name = ChangeEvents.isChangeEvent(value)
                ? ChangeEvents.sourceTable(value)
                : names.tableOf(topic, keySchema, valueSchema);
        return name == null || name == DebeziumNames.AMBIGUOUS ? null : table(name.schema(), name.table());
    }

    /** The shared tables in name order, each with its column counts. */
    public String summary() {
        List<TableContract> all = tables.values().stream()
                .flatMap(inSchema -> inSchema.values().stream())
                .sorted(Comparator.comparing(TableContract::name))
                .toList();
        return all.size() + " table(s): "
                + all.stream().map(TableContract::summary).collect(Collectors.joining(", "));
    }

    /** Every table the contract shares. */
    public List<TableContract> tables() {
        return tables.values().stream()
                .flatMap(inSchema -> inSchema.values().stream())
                .toList();
    }

    public void clearCaches() {
        names.clear();
        tables.values().forEach(inSchema -> inSchema.values().forEach(TableContract::clearCache));
    }
}
