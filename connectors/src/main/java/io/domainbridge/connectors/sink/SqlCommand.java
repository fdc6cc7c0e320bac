package io.domainbridge.connectors.sink;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.errors.DataException;

/**
 * A parameterized statement, the record paths bound to its placeholders in order, what it means when it affects no
 * rows, and a statement that follows it for the same record (null when none).
 */
public record SqlCommand(String sql, List<String> parameters, ZeroRowsBehavior zeroRows, SqlCommand followUp) {

    public SqlCommand(String sql, List<String> parameters) {
        this(sql, parameters, ZeroRowsBehavior.IGNORE, null);
    }

    public SqlCommand(String sql, List<String> parameters, ZeroRowsBehavior zeroRows) {
        this(sql, parameters, zeroRows, null);
    }

    /** Whether both run the same statements, so that they share a JDBC batch. */
    boolean batchesWith(SqlCommand other) {
        return other != null
                && sql.equals(other.sql)
                && (followUp == null ? other.followUp == null : followUp.batchesWith(other.followUp));
    }

    /**
     * The commands a mapping makes, prepared once per dialect; a versioned delete (null unless the mapping keeps
     * tombstones) is the delete of records that carry their version.
     */
    public record Set(Mapping mapping, SqlCommand write, SqlCommand delete, SqlCommand versionedDelete) {

        public static Set of(Mapping mapping, Dialect dialect) {
            if (mapping.action() == Action.STATEMENT) {
                NamedStatement statement = mapping.statement();
                return new Set(
                        mapping,
                        new SqlCommand(statement.sql(), statement.parameters(), mapping.zeroRows()),
                        null,
                        null);
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
                return new Set(mapping, upsert, delete, null);
            }
            return withTombstones(mapping, dialect, upsert, delete, keyFields);
        }

        /** Upserts and versioned deletes are followed by removing a row whose tombstone is at least as new. */
        private static Set withTombstones(
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
            SqlCommand guardedUpsert =
                    new SqlCommand(upsert.sql(), upsert.parameters(), ZeroRowsBehavior.IGNORE, cleanUp);
            return new Set(mapping, guardedUpsert, delete, tombstone);
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
}
