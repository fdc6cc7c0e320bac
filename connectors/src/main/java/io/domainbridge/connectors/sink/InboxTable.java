package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ids of the events this consumer applied; a record whose id is here is a duplicate. */
public final class InboxTable {

    private static final int IDS_PER_QUERY = 500;

    private final Dialect dialect;
    private final String table;
    private final String consumer;

    public InboxTable(Dialect dialect, String table, String consumer) {
        this.dialect = dialect;
        this.table = table;
        this.consumer = consumer;
    }

    /** The statement that creates the table if it is missing. */
    public String createStatement() {
        return dialect.createInbox(table);
    }

    /** The statement that creates the index retention deletes by, if it is missing. */
    public String createAgeIndexStatement() {
        return dialect.createInboxAgeIndex(table);
    }

    /** Refuses, naming the statements to run, a table made by an earlier version. */
    public void requireCurrentShape(Connection connection) throws SQLException {
        List<String> upgrade = upgradeStatements(connection);
        if (!upgrade.isEmpty()) {
            // the task fails; its locks on the table must not block the upgrade
            connection.rollback();
            throw TableUpgrade.refusal("inbox", table, upgrade);
        }
    }

    /** The statements that bring a table of an earlier version to the current shape; none when it has it. */
    public List<String> upgradeStatements(Connection connection) throws SQLException {
        return TableUpgrade.inbox(dialect, connection, table);
    }

    /** Which of the ids the inbox already holds. */
    public Set<String> applied(Connection connection, List<String> ids) throws SQLException {
        Set<String> applied = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            try (PreparedStatement statement = connection.prepareStatement(dialect.selectInbox(table, chunk.size()))) {
                if (dialect == Dialect.POSTGRESQL) {
                    statement.setArray(1, connection.createArrayOf("varchar", chunk.toArray()));
                    statement.setString(2, consumer);
                } else {
                    statement.setString(1, consumer);
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.setString(i + 2, chunk.get(i));
                    }
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        applied.add(rows.getString(1));
                    }
                }
            }
        }
        return applied;
    }

    /** Records the ids as applied, in the caller's transaction. */
    public void record(Connection connection, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(dialect.insertInbox(table))) {
            for (String id : ids) {
                statement.setString(1, consumer);
                statement.setString(2, id);
                statement.setString(3, id);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Deletes at most {@code limit} of this consumer's rows older than the retention, in the caller's transaction. */
    public int deleteExpired(Connection connection, long retentionMs, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(dialect.deleteExpiredInbox(table, limit))) {
            statement.setString(1, consumer);
            statement.setLong(2, dialect == Dialect.POSTGRESQL ? retentionMs : Math.multiplyExact(retentionMs, 1000L));
            return statement.executeUpdate();
        }
    }
}
