package io.domainbridge.transforms.boundary;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.data.Struct;

/**
 * A data contract: the tables and columns that may leave a domain. Tables are looked up by the {@code schema} (or
 * {@code db}) and {@code table} of a Debezium {@code source} block, or else by the last two segments of the topic
 * name, which is how Debezium names topics ({@code prefix.schema.table}).
 */
public final class Contract {

    private static final int MAX_TOPICS = 1024;

    private final Map<String, Map<String, TableContract>> tables;
    private final Map<String, Optional<TableContract>> byTopic = new ConcurrentHashMap<>();

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
     * The contract of the table a record belongs to, or null when the table is not shared: named by the Debezium
     * {@code source} block when the value is a change event, else by the topic.
     */
    public TableContract tableOf(String topic, Object value) {
        if (value instanceof Struct struct && SchemaStructure.isEnvelope(struct.schema())) {
            return tableOfSource(struct.getStruct(SchemaStructure.SOURCE));
        }
        if (value instanceof Map<?, ?> map && MapFilter.isEnvelope(map)) {
            return tableOfSource((Map<?, ?>) map.get(SchemaStructure.SOURCE));
        }
        return tableOfTopic(topic);
    }

    private TableContract tableOfSource(Struct source) {
        String schema = source.schema().field("schema") != null ? source.getString("schema") : null;
        return table(schema != null ? schema : source.getString("db"), source.getString("table"));
    }

    private TableContract tableOfSource(Map<?, ?> source) {
        Object schema = source.get("schema") != null ? source.get("schema") : source.get("db");
        Object table = source.get("table");
        return table(schema == null ? null : schema.toString(), table == null ? null : table.toString());
    }

    private TableContract tableOfTopic(String topic) {
        Optional<TableContract> table = byTopic.get(topic);
        if (table == null) {
            if (byTopic.size() >= MAX_TOPICS) {
                byTopic.clear();
            }
            table = byTopic.computeIfAbsent(topic, this::parseTopic);
        }
        return table.orElse(null);
    }

    public void clearCaches() {
        byTopic.clear();
        tables.values().forEach(inSchema -> inSchema.values().forEach(TableContract::clearCache));
    }

    private Optional<TableContract> parseTopic(String topic) {
        int tableDot = topic.lastIndexOf('.');
        int schemaDot = tableDot <= 0 ? -1 : topic.lastIndexOf('.', tableDot - 1);
        String schema = tableDot <= 0 ? null : topic.substring(schemaDot + 1, tableDot);
        return Optional.ofNullable(table(schema, topic.substring(tableDot + 1)));
    }
}
