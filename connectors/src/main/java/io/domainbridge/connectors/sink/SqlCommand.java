package io.domainbridge.connectors.sink;

import java.util.List;

/**
 * A parameterized statement, the record paths bound to its placeholders in order, and what it means when it affects
 * no rows.
 */
public record SqlCommand(String sql, List<String> parameters, ZeroRowsBehavior zeroRows) {

    public SqlCommand(String sql, List<String> parameters) {
        this(sql, parameters, ZeroRowsBehavior.IGNORE);
    }

    /** The commands a mapping makes, prepared once per dialect. */
    public record Set(Mapping mapping, SqlCommand write, SqlCommand delete) {

        public static Set of(Mapping mapping, Dialect dialect) {
            if (mapping.action() == Action.STATEMENT) {
                NamedStatement statement = mapping.statement();
                return new Set(
                        mapping, new SqlCommand(statement.sql(), statement.parameters(), mapping.zeroRows()), null);
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
            return new Set(mapping, upsert, delete);
        }

        /**
         * The commands for a record, in order, or none when there is nothing to do: deletes under the 'ignore' policy, and
         * deletes reaching a statement mapping.
         */
        public List<SqlCommand> commandsFor(IncomingRecord record) {
            return switch (record.kind()) {
                case EVENT, ROW -> List.of(write);
                case DELETE -> delete == null ? List.of() : List.of(delete);
                case SKIP -> List.of();
            };
        }
    }
}
