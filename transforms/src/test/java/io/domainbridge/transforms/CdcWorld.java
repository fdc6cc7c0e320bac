package io.domainbridge.transforms;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Test fixture: a source database as Debezium 3.6 sees it (tables of PostgreSQL schemas or MariaDB databases, with
 * key columns and columns added after the contract was written) and the contract that shares part of it. The
 * oracle's knowledge of what may leave comes from here, never from the code under test.
 */
final class CdcWorld {

    private CdcWorld() {}

    enum Fate {
        WITHHELD,
        KEEP,
        MASK,
        PSEUDONYMIZE
    }

    enum ColumnType {
        STRING,
        INT32,
        INT64,
        FLOAT64,
        BYTES,
        BOOLEAN,
        TIMESTAMP
    }

    enum Connector {
        POSTGRESQL("io.debezium.connector.postgresql.Source", "postgresql"),
        MARIADB("io.debezium.connector.mariadb.Source", "mariadb");

        final String sourceSchemaName;
        final String connectorName;

        Connector(String sourceSchemaName, String connectorName) {
            this.sourceSchemaName = sourceSchemaName;
            this.connectorName = connectorName;
        }
    }

    /**
     * One column. {@code drift} columns were added to the source after the contract was written; {@code rename} is
     * the consumer's name for a shared column, or null.
     */
    record Column(
            String name, ColumnType type, boolean optional, boolean key, Fate fate, String rename, boolean drift) {

        String outputName() {
            return rename == null ? name : rename;
        }

        boolean shared() {
            return fate != Fate.WITHHELD;
        }

        Schema schema() {
            SchemaBuilder builder =
                    switch (type) {
                        case STRING -> SchemaBuilder.string();
                        case INT32 -> SchemaBuilder.int32();
                        case INT64 -> SchemaBuilder.int64();
                        case FLOAT64 -> SchemaBuilder.float64();
                        case BYTES -> SchemaBuilder.bytes();
                        case BOOLEAN -> SchemaBuilder.bool();
                        case TIMESTAMP -> Timestamp.builder();
                    };
            return optional ? builder.optional().build() : builder.build();
        }
    }

    /** A table; {@code schema} is the PostgreSQL schema or the MariaDB database. */
    record Table(String schema, String name, Connector connector, List<Column> columns) {

        /** The contract lists a table exactly when it shares one of its columns. */
        boolean listed() {
            return columns.stream().anyMatch(Column::shared);
        }

        List<Column> keyColumns() {
            return columns.stream().filter(Column::key).toList();
        }

        /**
         * Whether the key that leaves still identifies the row: every key column is kept or pseudonymized. A withheld
         * or masked key column would let distinct rows share one key, which the boundary refuses by default.
         */
        boolean identifiedByKey() {
            return keyColumns().stream().allMatch(c -> c.fate() == Fate.KEEP || c.fate() == Fate.PSEUDONYMIZE);
        }

        List<Column> shared() {
            return columns.stream().filter(Column::shared).toList();
        }

        /** Debezium's topic: prefix, schema and table, characters illegal in topic names replaced by '_'. */
        String topic(String prefix) {
            return prefix + "." + sanitized(schema) + "." + sanitized(name);
        }

        String qualified() {
            return schema + "." + name;
        }
    }

    /** A source connector's tables and the contract the boundary enforces on them. */
    record World(String prefix, List<Table> tables, boolean failUnlisted) {

        List<Table> listed() {
            return tables.stream().filter(Table::listed).toList();
        }

        List<Table> unlisted() {
            return tables.stream().filter(table -> !table.listed()).toList();
        }

        Map<String, String> contract() {
            Map<String, String> props = new HashMap<>();
            props.put("contract.id", "oracle");
            props.put("contract.version", "1");
            props.put("columns", qualified(Fate.KEEP));
            props.put("mask.columns", qualified(Fate.MASK));
            props.put("pseudonymize.columns", qualified(Fate.PSEUDONYMIZE));
            props.put(
                    "renames",
                    columns()
                            .filter(entry -> entry.column().rename() != null)
                            .map(entry ->
                                    entry.qualified() + ":" + entry.column().rename())
                            .collect(Collectors.joining(",")));
            props.put("pseudonymize.key.secret", PackagesTable.KEY);
            props.put("pseudonymize.key.id", "k1");
            props.put("unlisted.table.behavior", failUnlisted ? "fail" : "drop");
            return props;
        }

        /**
         * Names that appear in a legitimate output of a record of {@code table}: the shared output names, Debezium's
         * envelope vocabulary and the converter's. A withheld name among them cannot be searched for.
         */
        Set<String> legitimateNames(Table table) {
            Set<String> names = new LinkedHashSet<>(VOCABULARY);
            table.shared().forEach(column -> names.add(column.outputName()));
            tables.forEach(each -> Stream.of(each.schema(), each.name()).forEach(names::add));
            return names;
        }

        private String qualified(Fate fate) {
            return columns()
                    .filter(entry -> entry.column().fate() == fate)
                    .map(TableColumn::qualified)
                    .collect(Collectors.joining(","));
        }

        private Stream<TableColumn> columns() {
            return tables.stream()
                    .flatMap(table -> table.columns().stream().map(column -> new TableColumn(table, column)));
        }
    }

    private record TableColumn(Table table, Column column) {
        String qualified() {
            return table.qualified() + "." + column.name();
        }
    }

    /** Field names of Debezium's envelope, source and transaction blocks, JsonConverter's envelope and headers. */
    static final Set<String> VOCABULARY = Set.of(
            "schema",
            "payload",
            "type",
            "fields",
            "optional",
            "field",
            "name",
            "version",
            "parameters",
            "default",
            "doc",
            "struct",
            "string",
            "int8",
            "int16",
            "int32",
            "int64",
            "float32",
            "float64",
            "boolean",
            "bytes",
            "array",
            "map",
            "keys",
            "values",
            "before",
            "after",
            "source",
            "op",
            "ts_ms",
            "ts_us",
            "ts_ns",
            "transaction",
            "id",
            "total_order",
            "data_collection_order",
            "connector",
            "snapshot",
            "db",
            "sequence",
            "table",
            "txId",
            "lsn",
            "xmin",
            "server_id",
            "gtid",
            "file",
            "pos",
            "row",
            "thread",
            "query",
            "message",
            "prefix",
            "content",
            "allowed");

    /** Debezium's topic naming: every character outside {@code [A-Za-z0-9._-]} becomes '_'. */
    static String sanitized(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Whether a name can appear in a contract entry {@code schema.table.column}. */
    static boolean nameable(String name) {
        return !name.isEmpty() && name.chars().noneMatch(c -> c == '.' || c == ':' || Character.isWhitespace(c));
    }
}
