package io.domainbridge.connectors.sink;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code mappings.<alias>.*} declaration: which records it selects (event types, topics, source tables) and the
 * command it makes of them.
 *
 * @param columns field path and column pairs of an upsert, in column order
 * @param versionColumn column that guards against older records overwriting newer rows, or null
 * @param statement the parsed statement of a {@link Action#STATEMENT} mapping, or null
 * @param zeroRows what a statement that affects no rows means ({@link ZeroRowsBehavior#IGNORE} for upserts)
 */
public record Mapping(
        String alias,
        Set<String> eventTypes,
        Set<String> topics,
        Set<String> sourceTables,
        Action action,
        String table,
        List<Column> columns,
        List<String> keyColumns,
        DeletePolicy deletePolicy,
        String softDeleteColumn,
        String softDeleteTimestampColumn,
        String versionColumn,
        NamedStatement statement,
        ZeroRowsBehavior zeroRows) {

    /** A record field (dotted path) and the column it fills. */
    public record Column(String field, String column) {}

    /** Whether this mapping selects the record. */
    public boolean selects(IncomingRecord record) {
        return (record.eventType() != null && eventTypes.contains(record.eventType()))
                || topics.contains(record.topic())
                || (record.sourceTable() != null && matchesTable(record.sourceTable()));
    }

    /**
     * Whether deletes leave a tombstone with their version, so that an older upsert arriving later (from another
     * partition, or replayed) cannot bring the row back: upserts with a version column that hard-delete and can see
     * deletes at all (envelope events selected by type never are deletes).
     */
    public boolean keepsTombstones() {
        return action == Action.UPSERT
                && deletePolicy == DeletePolicy.DELETE
                && versionColumn != null
                && (!topics.isEmpty() || !sourceTables.isEmpty());
    }

    /** The tombstone table, beside the target table: {@code <table>_tombstones}. */
    public String tombstoneTable() {
        return table.trim() + "_tombstones";
    }

    /** What the mapping selects (by count) and does, for the start-up log: names of tables, never of values. */
    public String summary() {
        String command = action == Action.UPSERT
                ? "upsert into " + table.trim() + " (" + columns.size() + " column(s), delete policy "
                        + (deletePolicy == null ? "none" : deletePolicy.name().toLowerCase(Locale.ROOT))
                        + (versionColumn == null ? "" : ", version column " + versionColumn) + ")"
                : "statement" + (table == null || table.isBlank() ? "" : " on " + table.trim());
        return alias + ": " + command + " for " + eventTypes.size() + " event type(s), " + topics.size() + " topic(s), "
                + sourceTables.size() + " source table(s)";
    }

    /** The field that fills a column. */
    public String fieldOf(String column) {
        return columns.stream()
                .filter(c -> c.column().equals(column))
                .map(Column::field)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("column " + column + " is not mapped"));
    }

    private boolean matchesTable(String qualified) {
        int dot = qualified.lastIndexOf('.');
        return sourceTables.contains(qualified) || (dot >= 0 && sourceTables.contains(qualified.substring(dot + 1)));
    }
}
