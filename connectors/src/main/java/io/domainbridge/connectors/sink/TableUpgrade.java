package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Recognizes inbox and offsets tables made by the sink's first version (VARCHAR(255) columns, keyed by the id itself,
 * loosely compared on MariaDB) and names the statements that upgrade them in place. The sink never runs them itself:
 * they rewrite a table that may be large and that other tasks use.
 */
final class TableUpgrade {

    private TableUpgrade() {}

    /** The statements that upgrade the inbox, none when it has the current shape. */
    static List<String> inbox(Dialect dialect, Connection connection, String table) throws SQLException {
        if (hasKey(connection, dialect, table)) {
            return List.of();
        }
        String q = dialect.quote(table);
        Dialect.Bookkeeping types = dialect.bookkeeping();
        String backfill = "UPDATE " + q + " SET event_key = " + dialect.eventKey("event_id");
        if (dialect == Dialect.POSTGRESQL) {
            String dropKey = primaryKey(connection, dialect, table);
            return List.of(
                    "ALTER TABLE " + q + " ALTER COLUMN event_id TYPE " + types.eventId() + ", ADD COLUMN event_key "
                            + types.eventKey(),
                    backfill,
                    "ALTER TABLE " + q + dropKey + " ALTER COLUMN event_key SET NOT NULL,"
                            + " ADD PRIMARY KEY (consumer, event_key)");
        }
        // the text goes to utf8mb4 first, so that the binary columns hold UTF-8 whatever the table's character set
        return List.of(
                "ALTER TABLE " + q + " DROP PRIMARY KEY, MODIFY consumer VARCHAR(255) CHARACTER SET utf8mb4 NOT NULL,"
                        + " MODIFY event_id " + types.eventId() + " NOT NULL, ADD COLUMN event_key " + types.eventKey()
                        + " NULL AFTER consumer",
                backfill,
                "ALTER TABLE " + q + " MODIFY consumer " + types.consumer() + " NOT NULL, MODIFY event_key "
                        + types.eventKey() + " NOT NULL, ADD PRIMARY KEY (consumer, event_key)");
    }

    /** The statements that upgrade the offsets table, none when it has the current shape. */
    static List<String> offsets(Dialect dialect, Connection connection, String table) throws SQLException {
        String topic = columnTypes(connection, dialect, table).get("topic");
        // PostgreSQL's first version already compared exactly and held every legal topic name
        if (dialect == Dialect.POSTGRESQL || topic == null || topic.equals("VARBINARY")) {
            return List.of();
        }
        String q = dialect.quote(table);
        Dialect.Bookkeeping types = dialect.bookkeeping();
        return List.of(
                "ALTER TABLE " + q + " MODIFY consumer VARCHAR(255) CHARACTER SET utf8mb4 NOT NULL,"
                        + " MODIFY topic VARCHAR(255) CHARACTER SET utf8mb4 NOT NULL",
                "ALTER TABLE " + q + " MODIFY consumer " + types.consumer() + " NOT NULL, MODIFY topic " + types.topic()
                        + " NOT NULL");
    }

    /** Refuses to start on a table of the first version, naming what to run. */
    static ConnectException refusal(String kind, String table, List<String> statements) {
        StringBuilder message = new StringBuilder("The ")
                .append(kind)
                .append(" table ")
                .append(table)
                .append(" was made by an earlier version of the sink, which compares ids or topic names loosely or"
                        + " cuts ids at 255 characters. Stop the connector, run these statements in this order,"
                        + " then start it again:");
        for (String statement : statements) {
            message.append("\n  ").append(statement).append(';');
        }
        return new ConnectException(message.toString());
    }

    /** Column name (lower case) to its type name (upper case), as the driver reports them. */
    private static Map<String, String> columnTypes(Connection connection, Dialect dialect, String table)
            throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + dialect.quote(table) + " WHERE 1 = 0")) {
            ResultSetMetaData columns = rows.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                types.put(
                        columns.getColumnName(i).toLowerCase(Locale.ROOT),
                        columns.getColumnTypeName(i).toUpperCase(Locale.ROOT));
            }
        }
        return types;
    }

    /** Whether the inbox has its key column, filled (NOT NULL): the last step of an upgrade sets that. */
    private static boolean hasKey(Connection connection, Dialect dialect, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + dialect.quote(table) + " WHERE 1 = 0")) {
            ResultSetMetaData columns = rows.getMetaData();
            for (int i = 1; i <= columns.getColumnCount(); i++) {
                if (columns.getColumnName(i).equalsIgnoreCase("event_key")) {
                    return columns.isNullable(i) == ResultSetMetaData.columnNoNulls;
                }
            }
            return false;
        }
    }

    /** The clause that drops the table's primary key on PostgreSQL, whose name the first version left to default. */
    private static String primaryKey(Connection connection, Dialect dialect, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT conname FROM pg_constraint WHERE conrelid = CAST(? AS regclass) AND contype = 'p'")) {
            statement.setString(1, dialect.quote(table));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names.isEmpty() ? "" : " DROP CONSTRAINT " + dialect.quote(names.get(0)) + ",";
    }
}
