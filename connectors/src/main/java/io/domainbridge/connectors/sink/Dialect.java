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
            return "INSERT IGNORE INTO " + quote(table) + " (" + list(columns) + ") VALUES (" + values + ")";
        }

        @Override
        String timestampType() {
            return "TIMESTAMP(6)";
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

    public String createInbox(String table) {
        return "CREATE TABLE IF NOT EXISTS " + quote(table) + " (consumer VARCHAR(255) NOT NULL,"
                + " event_id VARCHAR(255) NOT NULL, applied_at " + timestampType() + " NOT NULL,"
                + " PRIMARY KEY (consumer, event_id))";
    }

    public String createOffsets(String table) {
        return "CREATE TABLE IF NOT EXISTS " + quote(table) + " (consumer VARCHAR(255) NOT NULL,"
                + " topic VARCHAR(255) NOT NULL, kafka_partition INT NOT NULL, next_offset BIGINT NOT NULL,"
                + " updated_at " + timestampType() + " NOT NULL, PRIMARY KEY (consumer, topic, kafka_partition))";
    }

    public String insertInbox(String table) {
        return insertIfAbsent(table, List.of("consumer", "event_id", "applied_at"), "?, ?, CURRENT_TIMESTAMP");
    }

    /**
     * PostgreSQL takes the ids as one array (first parameter, the consumer second) and probes the key once per id:
     * with a parameter per id, or a plain {@code = ANY}, the planner may read every row of the consumer instead,
     * which grows with the inbox. MariaDB gets the consumer and then a parameter per id.
     */
    public String selectInbox(String table, int ids) {
        if (this == POSTGRESQL) {
            return "SELECT i.event_id FROM unnest(?) AS ids(id) CROSS JOIN LATERAL (SELECT event_id FROM "
                    + quote(table) + " WHERE consumer = ? AND event_id = ids.id LIMIT 1) i";
        }
        return "SELECT event_id FROM " + quote(table) + " WHERE consumer = ? AND event_id IN (" + placeholders(ids)
                + ")";
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
