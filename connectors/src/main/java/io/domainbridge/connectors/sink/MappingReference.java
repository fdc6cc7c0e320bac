package io.domainbridge.connectors.sink;

import static io.domainbridge.connectors.sink.MappingParser.ACTION;
import static io.domainbridge.connectors.sink.MappingParser.DELETE_POLICY;
import static io.domainbridge.connectors.sink.MappingParser.EVENT_TYPES;
import static io.domainbridge.connectors.sink.MappingParser.FIELDS;
import static io.domainbridge.connectors.sink.MappingParser.KEY_COLUMNS;
import static io.domainbridge.connectors.sink.MappingParser.SOFT_DELETE_COLUMN;
import static io.domainbridge.connectors.sink.MappingParser.SOFT_DELETE_TIMESTAMP_COLUMN;
import static io.domainbridge.connectors.sink.MappingParser.SOURCE_TABLES;
import static io.domainbridge.connectors.sink.MappingParser.STATEMENT;
import static io.domainbridge.connectors.sink.MappingParser.TABLE;
import static io.domainbridge.connectors.sink.MappingParser.TOPICS;
import static io.domainbridge.connectors.sink.MappingParser.VERSION_COLUMN;
import static io.domainbridge.connectors.sink.MappingParser.ZERO_ROWS_BEHAVIOR;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The keys of one mapping, {@code mappings.<alias>.*}, as a {@link ConfigDef} for the configuration reference. The
 * alias makes them dynamic, so {@link MappingParser} reads and checks them; this definition documents the same keys.
 */
public final class MappingReference {

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(
                    EVENT_TYPES,
                    Type.LIST,
                    List.of(),
                    Importance.HIGH,
                    "Envelope records (value schema"
                            + " io.domainbridge.EventEnvelope, or schemaless with specversion, id and type) whose type is in"
                            + " this list.")
            .define(
                    TOPICS,
                    Type.LIST,
                    List.of(),
                    Importance.HIGH,
                    "Records of these topics; the only selector that" + " also catches tombstones.")
            .define(
                    SOURCE_TABLES,
                    Type.LIST,
                    List.of(),
                    Importance.HIGH,
                    "Replicated rows of these tables:"
                            + " schema.table or table, from a Debezium change event's source block or from __schema/__db"
                            + " and __table of flat rows.")
            .define(
                    ACTION,
                    Type.STRING,
                    "upsert",
                    ConfigDef.ValidString.in("upsert", "statement"),
                    Importance.HIGH,
                    "'upsert' into table, or run statement.")
            .define(TABLE, Type.STRING, "", Importance.HIGH, "Target table of an upsert, table or schema.table.")
            .define(
                    FIELDS,
                    Type.LIST,
                    List.of(),
                    Importance.HIGH,
                    "field:column pairs (or field for the same"
                            + " name); a field is an envelope attribute (id, type, source, subject, time, aggregateid, ...),"
                            + " a data.* path, or a row field.")
            .define(
                    KEY_COLUMNS,
                    Type.LIST,
                    List.of(),
                    Importance.HIGH,
                    "Mapped columns forming the conflict key"
                            + " (PostgreSQL ON CONFLICT; MariaDB uses the table's unique keys) and the WHERE of deletes.")
            .define(
                    DELETE_POLICY,
                    Type.STRING,
                    "delete",
                    ConfigDef.ValidString.in("delete", "soft-delete", "ignore"),
                    Importance.MEDIUM,
                    "Debezium deletes, flat rows with __deleted=true or __op=d, and"
                            + " tombstones: 'delete' the row, 'soft-delete' (set soft.delete.column to TRUE and"
                            + " soft.delete.timestamp.column to the current time), or 'ignore'. With version.column, a"
                            + " versioned delete is remembered in <table>_tombstones so an older upsert cannot bring the row"
                            + " back.")
            .define(SOFT_DELETE_COLUMN, Type.STRING, "", Importance.LOW, "Flag column of 'soft-delete'.")
            .define(
                    SOFT_DELETE_TIMESTAMP_COLUMN,
                    Type.STRING,
                    "",
                    Importance.LOW,
                    "Timestamp column of" + " 'soft-delete'.")
            .define(
                    VERSION_COLUMN,
                    Type.STRING,
                    "",
                    Importance.MEDIUM,
                    "Mapped, non-key column: an upsert never"
                            + " overwrites a row whose version is greater than the record's.")
            .define(
                    STATEMENT,
                    Type.STRING,
                    "",
                    Importance.HIGH,
                    "SQL or procedure call with named parameters, e.g."
                            + " UPDATE deliveries SET status = :data.status WHERE package_id = :data.packageId; values are"
                            + " always bound, never spliced into the SQL.")
            .define(
                    ZERO_ROWS_BEHAVIOR,
                    Type.STRING,
                    "ignore",
                    ConfigDef.ValidString.in("ignore", "dead-letter", "fail"),
                    Importance.MEDIUM,
                    "Statement mappings: a record whose statement affects no rows is"
                            + " 'ignore'd (counted as applied), reported to the 'dead-letter' queue (and kept out of the"
                            + " inbox, so a replay applies it), or makes the task 'fail'.");

    private MappingReference() {}
}
