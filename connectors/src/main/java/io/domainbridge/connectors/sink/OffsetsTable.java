package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** The next Kafka offset of each topic partition, committed together with the commands it covers. */
public final class OffsetsTable {

    private final Dialect dialect;
    private final String table;
    private final String consumer;

    public OffsetsTable(Dialect dialect, String table, String consumer) {
        this.dialect = dialect;
        this.table = table;
        this.consumer = consumer;
    }

    /** The statement that creates the table if it is missing. */
    public String createStatement() {
        return dialect.createOffsets(table);
    }

    /** Refuses, naming the statements to run, a table made by an earlier version. */
    public void requireCurrentShape(Connection connection) throws SQLException {
        List<String> upgrade = upgradeStatements(connection);
        if (!upgrade.isEmpty()) {
            // the task fails; its locks on the table must not block the upgrade
            connection.rollback();
            throw TableUpgrade.refusal("offsets", table, upgrade);
        }
    }

    /** The statements that bring a table of an earlier version to the current shape; none when it has it. */
    public List<String> upgradeStatements(Connection connection) throws SQLException {
        return TableUpgrade.offsets(dialect, connection, table);
    }

    /** Every stored offset of this consumer. */
    public Map<TopicPartition, Long> read(Connection connection) throws SQLException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(dialect.selectOffsets(table))) {
            statement.setString(1, consumer);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    offsets.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
        }
        return offsets;
    }

    /** Stores the offsets in the caller's transaction. */
    public void store(Connection connection, Map<TopicPartition, Long> offsets) throws SQLException {
        if (offsets.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(dialect.upsertOffset(table))) {
            for (Map.Entry<TopicPartition, Long> entry : offsets.entrySet()) {
                statement.setString(1, consumer);
                statement.setString(2, entry.getKey().topic());
                statement.setInt(3, entry.getKey().partition());
                statement.setLong(4, entry.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
