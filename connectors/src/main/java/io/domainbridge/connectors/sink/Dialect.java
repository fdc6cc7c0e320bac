package io.domainbridge.connectors.sink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;

/**
 * The SQL that differs between PostgreSQL and MariaDB: identifier quoting, upserts, insert-if-absent and the DDL of
 * the inbox and offsets tables. Identifiers come from the configuration only and are always quoted.
 */
public enum Dialect {
    POSTGRESQL('"') {
        @Override
        String upsertClause(List<String> columns, List<String> keys, String version) {
            List<String> updated = nonKeys(columns, keys);
            if (updated.isEmpty()) {
                return " ON CONFLICT (" + list(keys) + ") DO NOTHING";
            }
            String set = updated.stream()
                    .map(c -> quote(c) + " = EXCLUDED." + quote(c))
                    .collect(Collectors.joining(", "));
            String guard = version == null
                    ? ""
                    : " WHERE target." + quote(version) + " IS NULL OR target." + quote(version) + " <= EXCLUDED."
                            + quote(version);
            return " ON CONFLICT (" + list(keys) + ") DO UPDATE SET " + set + guard;
        }

        @Override
        String insertIfAbsent(String table, List<String> columns, String values) {
            return "INSERT INTO " + quote(table) + " (" + list(columns) + ") VALUES (" + values + ") ON CONFLICT DO"
                    + " NOTHING";
        }

        @Override
        String timestampType() {
            return "TIMESTAMP WITH TIME ZONE";
        }

        @Override
        String eventKey(String text) {
            return "sha256(convert_to(" + text + ", 'UTF8'))";
        }

        @Override
        Bookkeeping bookkeeping() {
            // text equality is exact under the default deterministic collation; the key keeps index rows small
            return new Bookkeeping("VARCHAR(255)", "VARCHAR(255)", "TEXT", "BYTEA");
        }
    },
    MARIADB('`') {
        @Override
        String upsertClause(List<String> columns, List<String> keys, String version) {
            // MariaDB applies assignments left to right, so the guarded version column must come last
            List<String> updated = nonKeys(columns, keys).stream()
                    .sorted((a, b) -> Boolean.compare(a.equals(version), b.equals(version)))
                    .toList();
            if (updated.isEmpty()) {
                return " ON DUPLICATE KEY UPDATE " + quote(keys.get(0)) + " = " + quote(keys.get(0));
            }
            String guard = version == null
                    ? null
                    : quote(version) + " IS NULL OR " + quote(version) + " <= VALUES(" + quote(version) + ")";
            return " ON DUPLICATE KEY UPDATE "
                    + updated.stream()
                            .map(c -> quote(c) + " = "
                                    + (guard == null
                                            ? "VALUES(" + quote(c) + ")"
                                            : "IF(" + guard + ", VALUES(" + quote(c) + "), " + quote(c) + ")"))
                            .collect(Collectors.joining(", "));
        }

        @Override
        String insertIfAbsent(String table, List<String> columns, String values) {
            // INSERT IGNORE would also ignore truncation and conversion errors; this ignores only the duplicate key
            return "INSERT INTO " + quote(table) + " (" + list(columns) + ") VALUES (" + values + ")"
                    + " ON DUPLICATE KEY UPDATE " + quote(columns.get(0)) + " = " + quote(columns.get(0));
        }

        @Override
        String timestampType() {
            return "TIMESTAMP(6)";
        }

        @Override
        String eventKey(String text) {
            return "UNHEX(SHA2(CONVERT(" + text + " USING utf8mb4), 256))";
        }

        @Override
        Bookkeeping bookkeeping() {
            // binary strings compare byte by byte: no collation folds case or accents or pads trailing spaces
            return new Bookkeeping(
                    "VARBINARY(1020)",
                    "VARBINARY(249)",
                    "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
                    "BINARY(32)");
        }
    };

    private final char quote;

    Dialect(char quote) {
        this.quote = quote;
    }

    /** The dialect a JDBC URL names, if it is one the sink speaks. */
    public static Optional<Dialect> forUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return Optional.of(MARIADB);
        }
        return Optional.empty();
    }

    public static Dialect fromUrl(String url) {
        return forUrl(url).orElseThrow(() -> new ConfigException("connection.url", "(hidden)", "unsupported JDBC URL"));
    }

    abstract String upsertClause(List<String> columns, List<String> keys, String version);

    abstract String insertIfAbsent(String table, List<String> columns, String values);

    abstract String timestampType();

    /** SQL for the SHA-256 of the UTF-8 bytes of a text expression: the inbox's key of an event id. */
    abstract String eventKey(String text);

    abstract Bookkeeping bookkeeping();

    /**
     * Column types of the inbox and offsets tables: the consumer (at most {@link #CONSUMER_NAME_MAX_LENGTH}
     * characters), the topic (Kafka allows 249 ASCII characters), the whole event id and its fixed-length key.
     */
    record Bookkeeping(String consumer, String topic, String eventId, String eventKey) {}

    /** The longest consumer name the inbox and offsets tables hold, in characters. */
    public static final int CONSUMER_NAME_MAX_LENGTH = 255;

    /** Quotes each part of {@code table}, {@code schema.table} or a column, doubling embedded quote characters. */
    public String quote(String identifier) {
        String q = String.valueOf(quote);
        return Arrays.stream(identifier.trim().split("\\."))
                .map(part -> q + part.replace(q, q + q) + q)
                .collect(Collectors.joining("."));
    }

    /** Insert or update by key; with a version column, an older row never overwrites a newer one. */
    public String upsert(String table, List<String> columns, List<String> keys, String version) {
        return "INSERT INTO " + quote(table) + (this == POSTGRESQL ? " AS target" : "") + " (" + list(columns)
                + ") VALUES (" + placeholders(columns.size()) + ")" + upsertClause(columns, keys, version);
    }

    public String delete(String table, List<String> keys) {
        return "DELETE FROM " + quote(table) + " WHERE " + conditions(keys);
    }

    public String softDelete(String table, String flag, String timestamp, List<String> keys) {
        String stamp = timestamp == null ? "" : ", " + quote(timestamp) + " = CURRENT_TIMESTAMP";
        return "UPDATE " + quote(table) + " SET " + quote(flag) + " = TRUE" + stamp + " WHERE " + conditions(keys);
    }

    /**
     * The tombstone table of a mapping: its key columns and version column, with the target table's types, keyed by
     * the key columns.
     */
    public List<String> createTombstones(Mapping mapping) {
        List<String> columns = new ArrayList<>(mapping.keyColumns());
        columns.add(mapping.versionColumn());
        String select = " AS SELECT " + list(columns) + " FROM " + quote(mapping.table()) + " WHERE 1 = 0";
        String table = quote(mapping.tombstoneTable());
        if (this == POSTGRESQL) {
            String name =
                    mapping.tombstoneTable().substring(mapping.tombstoneTable().lastIndexOf('.') + 1);
            return List.of(
                    "CREATE TABLE IF NOT EXISTS " + table + select,
                    "CREATE UNIQUE INDEX IF NOT EXISTS " + quote(name + "_key") + " ON " + table + " ("
                            + list(mapping.keyColumns()) + ")");
        }
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + table + " (PRIMARY KEY (" + list(mapping.keyColumns()) + "))" + select);
    }

    /**
     * Deletes the row of a key when its tombstone is at least as new as the row; binds the key three times. Run after
     * every upsert and versioned delete of a key, it removes what an older record brought back.
     */
    public String deleteIfTombstoned(String table, String tombstones, List<String> keys, String version) {
        String tombstone = " FROM " + quote(tombstones) + " WHERE " + conditions(keys);
        return "DELETE FROM " + quote(table) + " WHERE " + conditions(keys) + " AND EXISTS (SELECT 1" + tombstone
                + ") AND (" + quote(version) + " IS NULL OR " + quote(version) + " <= (SELECT " + quote(version)
                + tombstone + "))";
    }

    /** Keyed by the SHA-256 of the id, so that ids of any length are told apart exactly and the key stays small. */
    public String createInbox(String table) {
        Bookkeeping types = bookkeeping();
        return "CREATE TABLE IF NOT EXISTS " + quote(table) + " (consumer " + types.consumer() + " NOT NULL,"
                + " event_key " + types.eventKey() + " NOT NULL, event_id " + types.eventId() + " NOT NULL,"
                + " applied_at " + timestampType() + " NOT NULL, PRIMARY KEY (consumer, event_key))";
    }

    public String createOffsets(String table) {
        Bookkeeping types = bookkeeping();
        return "CREATE TABLE IF NOT EXISTS " + quote(table) + " (consumer " + types.consumer() + " NOT NULL,"
                + " topic " + types.topic() + " NOT NULL, kafka_partition INT NOT NULL, next_offset BIGINT NOT NULL,"
                + " updated_at " + timestampType() + " NOT NULL, PRIMARY KEY (consumer, topic, kafka_partition))";
    }

    /** Parameters: the consumer, then the event id twice (stored whole, and hashed into the key). */
    public String insertInbox(String table) {
        return insertIfAbsent(
                table,
                List.of("consumer", "event_id", "event_key", "applied_at"),
                "?, ?, " + eventKey("?") + ", CURRENT_TIMESTAMP");
    }

    /**
     * PostgreSQL takes the ids as one array (first parameter, the consumer second) and probes the key once per id:
     * with a parameter per id, or a plain {@code = ANY}, the planner may read every row of the consumer instead,
     * which grows with the inbox. MariaDB gets the consumer and then a parameter per id.
     */
    public String selectInbox(String table, int ids) {
        if (this == POSTGRESQL) {
            return "SELECT i.event_id FROM unnest(?) AS ids(id) CROSS JOIN LATERAL (SELECT event_id FROM "
                    + quote(table) + " WHERE consumer = ? AND event_key = " + eventKey("ids.id") + " LIMIT 1) i";
        }
        return "SELECT event_id FROM " + quote(table) + " WHERE consumer = ? AND event_key IN ("
                + String.join(", ", Collections.nCopies(ids, eventKey("?"))) + ")";
    }

    /**
     * The index that lets retention find a consumer's oldest inbox rows without reading the others. PostgreSQL names
     * indexes per schema, so the name comes from the table's; MariaDB names them per table.
     */
    public String createInboxAgeIndex(String table) {
        String name = this == POSTGRESQL ? table.substring(table.lastIndexOf('.') + 1) + "_applied_at" : "applied_at";
        return "CREATE INDEX IF NOT EXISTS " + quote(name) + " ON " + quote(table) + " (consumer, applied_at)";
    }

    /**
     * Deletes at most {@code limit} of the consumer's inbox rows applied longer ago than the retention, oldest first,
     * by the database's clock. Parameters: the consumer, then the retention in milliseconds (PostgreSQL) or
     * microseconds (MariaDB). Rows another task of the consumer is deleting are skipped on PostgreSQL, not waited for.
     */
    public String deleteExpiredInbox(String table, int limit) {
        if (this == POSTGRESQL) {
            return "DELETE FROM " + quote(table) + " WHERE ctid IN (SELECT ctid FROM " + quote(table)
                    + " WHERE consumer = ? AND applied_at < CURRENT_TIMESTAMP - CAST(? AS DOUBLE PRECISION)"
                    + " * INTERVAL '1 millisecond' ORDER BY applied_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED)";
        }
        // a plain DELETE ... ORDER BY applied_at LIMIT n walks the primary key and sorts the consumer's every row
        return "DELETE i FROM " + quote(table) + " i JOIN (SELECT consumer, event_key FROM " + quote(table)
                + " FORCE INDEX (" + quote("applied_at") + ") WHERE consumer = ? AND applied_at < CURRENT_TIMESTAMP(6)"
                + " - INTERVAL ? MICROSECOND ORDER BY applied_at LIMIT " + limit + ") expired"
                + " ON i.consumer = expired.consumer AND i.event_key = expired.event_key";
    }

    public String upsertOffset(String table) {
        List<String> columns = List.of("consumer", "topic", "kafka_partition", "next_offset", "updated_at");
        return "INSERT INTO " + quote(table) + (this == POSTGRESQL ? " AS target" : "") + " (" + list(columns)
                + ") VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)"
                + upsertClause(columns, List.of("consumer", "topic", "kafka_partition"), null);
    }

    public String selectOffsets(String table) {
        return "SELECT topic, kafka_partition, next_offset FROM " + quote(table) + " WHERE consumer = ?";
    }

    String list(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    private String conditions(List<String> keys) {
        return keys.stream().map(k -> quote(k) + " = ?").collect(Collectors.joining(" AND "));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    private static List<String> nonKeys(List<String> columns, List<String> keys) {
        return columns.stream().filter(c -> !keys.contains(c)).toList();
    }
}
