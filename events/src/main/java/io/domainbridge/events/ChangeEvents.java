package io.domainbridge.events;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Debezium's change-event envelope: the one answer to "is this a change event" for every plugin. A struct is one when
 * its schema has a string {@code op} and either carries Debezium's envelope name ({@code prefix.schema.table.Envelope})
 * or a {@code source} struct named {@code io.debezium.connector.*.Source} (as logical-decoding messages have). A
 * schemaless map is one when {@code op} is one of Debezium's operation codes, {@code source} is a map naming the
 * {@code connector} and its logical {@code name}, and it has no key outside the envelope's fields. Field names alone
 * never decide: a table may well have columns called {@code op}, {@code after} and {@code source}.
 */
public final class ChangeEvents {

    public static final String BEFORE = "before";
    public static final String AFTER = "after";
    public static final String SOURCE = "source";
    public static final String OP = "op";
    public static final String TRANSACTION = "transaction";
    public static final String TS_MS = "ts_ms";
    public static final String TS_US = "ts_us";
    public static final String TS_NS = "ts_ns";
    /** The payload of a logical-decoding message (op {@code m}). */
    public static final String MESSAGE = "message";

    public static final String ENVELOPE_SCHEMA_SUFFIX = ".Envelope";

    /** Every field a Debezium relational envelope can have. */
    public static final Set<String> ENVELOPE_FIELDS =
            Set.of(BEFORE, AFTER, SOURCE, OP, TRANSACTION, TS_MS, TS_US, TS_NS, MESSAGE);

    /** Debezium's operation codes: read, create, update, delete, truncate, message. */
    public static final Set<String> OPERATIONS = Set.of("r", "c", "u", "d", "t", "m");

    /**
     * The fields of the {@code source} block of Debezium's PostgreSQL, MySQL and MariaDB connectors that say where
     * and when a change happened and never carry row data. {@code query} (the SQL text of {@code include.query})
     * is deliberately absent.
     */
    public static final Set<String> SOURCE_METADATA_FIELDS = Set.of(
            "version",
            "connector",
            "name",
            "ts_ms",
            "ts_us",
            "ts_ns",
            "snapshot",
            "db",
            "sequence",
            "schema",
            "table",
            "txId",
            "lsn",
            "xmin",
            "origin",
            "origin_lsn",
            "server_id",
            "gtid",
            "file",
            "pos",
            "row",
            "thread");

    /** The fields of the {@code transaction} block. */
    public static final Set<String> TRANSACTION_FIELDS = Set.of("id", "total_order", "data_collection_order");

    private static final String SOURCE_SCHEMA_PREFIX = "io.debezium.connector.";
    private static final String SOURCE_SCHEMA_SUFFIX = ".Source";

    private ChangeEvents() {}

    /** Whether structs of this schema are Debezium change events. */
    public static boolean isChangeEvent(Schema schema) {
        if (schema == null || schema.type() != Schema.Type.STRUCT) {
            return false;
        }
        Field op = schema.field(OP);
        if (op == null || op.schema().type() != Schema.Type.STRING) {
            return false;
        }
        Field source = schema.field(SOURCE);
        return endsWith(schema.name(), ENVELOPE_SCHEMA_SUFFIX) || source != null && isSourceSchema(source.schema());
    }

    /** Whether a value (a struct, by its schema, or a schemaless map) is a Debezium change event. */
    public static boolean isChangeEvent(Object value) {
        if (value instanceof Struct struct) {
            return isChangeEvent(struct.schema());
        }
        return value instanceof Map<?, ?> map && isChangeEvent(map);
    }

    private static boolean isChangeEvent(Map<?, ?> map) {
        return map.get(OP) instanceof String op
                && OPERATIONS.contains(op)
                && map.get(SOURCE) instanceof Map<?, ?> source
                && source.get("connector") instanceof String
                && source.get("name") instanceof String
                && map.keySet().stream().allMatch(ENVELOPE_FIELDS::contains);
    }

    /** Debezium's schema of a {@code source} block, {@code io.debezium.connector.<connector>.Source}. */
    public static boolean isSourceSchema(Schema schema) {
        return schema != null
                && schema.type() == Schema.Type.STRUCT
                && schema.name() != null
                && schema.name().startsWith(SOURCE_SCHEMA_PREFIX)
                && schema.name().endsWith(SOURCE_SCHEMA_SUFFIX);
    }

    /** The operation code of a change event. */
    public static String op(Object event) {
        Object op = field(event, OP);
        return op == null ? null : op.toString();
    }

    /** A field of a change event (struct or map), or null when it has none. */
    public static Object field(Object event, String name) {
        if (event instanceof Struct struct) {
            return struct.schema().field(name) == null ? null : struct.get(name);
        }
        return event instanceof Map<?, ?> map ? map.get(name) : null;
    }

    /**
     * The table a change event belongs to, from its {@code source} block: {@code schema} (PostgreSQL) or {@code db}
     * (MySQL, MariaDB) and {@code table}; null when the block does not name one.
     */
    public static TableName sourceTable(Object event) {
        Object source = field(event, SOURCE);
        Object schema = field(source, "schema");
        Object namespace = schema != null ? schema : field(source, "db");
        Object table = field(source, "table");
        return namespace == null || table == null ? null : new TableName(namespace.toString(), table.toString());
    }

    private static boolean endsWith(String name, String suffix) {
        return name != null && name.endsWith(suffix);
    }

    /**
     * A table as {@code schema.table} (PostgreSQL) or {@code database.table} (MySQL, MariaDB).
     *
     * @param schema the schema or database
     * @param table the table
     */
    public record TableName(String schema, String table) {

        @Override
        public String toString() {
            return schema + "." + table;
        }
    }
}
