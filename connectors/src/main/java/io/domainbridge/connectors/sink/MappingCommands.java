package io.domainbridge.connectors.sink;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;

/**
 * The commands a mapping makes, prepared once per dialect; a versioned delete (null unless the mapping keeps
 * tombstones) is the delete of records that carry their version.
 */
public record MappingCommands(Mapping mapping, SqlCommand write, SqlCommand delete, SqlCommand versionedDelete) {

    public static MappingCommands of(Mapping mapping, Dialect dialect) {
        if (mapping.action() == Action.STATEMENT) {
            NamedStatement statement = mapping.statement();
            return new MappingCommands(
                    mapping, new SqlCommand(statement.sql(), statement.parameters(), mapping.zeroRows()), null, null);
        }
        List<String> columns =
                mapping.columns().stream().map(Mapping.Column::column).toList();
        SqlCommand upsert = new SqlCommand(
                dialect.upsert(mapping.table(), columns, mapping.keyColumns(), mapping.versionColumn()),
                mapping.columns().stream().map(Mapping.Column::field).toList());
        List<String> keyFields =
                mapping.keyColumns().stream().map(mapping::fieldOf).toList();
        SqlCommand delete =
                switch (mapping.deletePolicy()) {
                    case DELETE -> new SqlCommand(dialect.delete(mapping.table(), mapping.keyColumns()), keyFields);
                    case SOFT_DELETE -> new SqlCommand(
                            dialect.softDelete(
                                    mapping.table(),
                                    mapping.softDeleteColumn(),
                                    mapping.softDeleteTimestampColumn(),
                                    mapping.keyColumns()),
                            keyFields);
                    case IGNORE -> null;
                };
        if (!mapping.keepsTombstones()) {
            return new MappingCommands(mapping, upsert, delete, null);
        }
        return withTombstones(mapping, dialect, upsert, delete, keyFields);
    }

    /** Upserts and versioned deletes are followed by removing a row whose tombstone is at least as new. */
    private static MappingCommands withTombstones(
            Mapping mapping, Dialect dialect, SqlCommand upsert, SqlCommand delete, List<String> keyFields) {
        List<String> keys = mapping.keyColumns();
        String version = mapping.versionColumn();
        List<String> threeKeys = new ArrayList<>(keyFields);
        threeKeys.addAll(keyFields);
        threeKeys.addAll(keyFields);
        SqlCommand cleanUp = new SqlCommand(
                dialect.deleteIfTombstoned(mapping.table(), mapping.tombstoneTable(), keys, version), threeKeys);
        List<String> tombstoneColumns = new ArrayList<>(keys);
        tombstoneColumns.add(version);
        List<String> tombstoneFields = new ArrayList<>(keyFields);
        tombstoneFields.add(mapping.fieldOf(version));
        SqlCommand tombstone = new SqlCommand(
                dialect.upsert(mapping.tombstoneTable(), tombstoneColumns, keys, version),
                tombstoneFields,
                ZeroRowsBehavior.IGNORE,
                cleanUp);
        SqlCommand guardedUpsert = new SqlCommand(upsert.sql(), upsert.parameters(), ZeroRowsBehavior.IGNORE, cleanUp);
        return new MappingCommands(mapping, guardedUpsert, delete, tombstone);
    }

    /**
     * The commands for a record, in order, or none when there is nothing to do: deletes under the 'ignore' policy, and
     * deletes reaching a statement mapping.
     */
    public List<SqlCommand> commandsFor(IncomingRecord record) {
        return switch (record.kind()) {
            case EVENT, ROW -> List.of(write);
            case DELETE -> versionedDelete != null && carriesVersion(record)
                    ? List.of(versionedDelete)
                    : delete == null ? List.of() : List.of(delete);
            case SKIP -> List.of();
        };
    }

    /** A Kafka tombstone, or a delete whose row image lacks the version, can only delete without a tombstone. */
    private boolean carriesVersion(IncomingRecord record) {
        if (record.isTombstone()) {
            return false;
        }
        try {
            return record.value(mapping.fieldOf(mapping.versionColumn())).value() != null;
        } catch (DataException e) {
            return false;
        }
    }
}
