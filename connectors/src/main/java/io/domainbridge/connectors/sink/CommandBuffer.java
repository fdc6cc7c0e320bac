package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects consecutive commands with the same SQL into one JDBC batch. A different statement flushes the batch
 * first, so commands run in record order; within a batch the database runs them in order too.
 */
public final class CommandBuffer implements AutoCloseable {

    private final Connection connection;
    private final int batchSize;
    private final Dialect dialect;
    private SqlCommand current;
    private PreparedStatement statement;
    private int pending;

    public CommandBuffer(Connection connection, int batchSize, Dialect dialect) {
        this.connection = connection;
        this.batchSize = batchSize;
        this.dialect = dialect;
    }

    /** Binds the record's values (a data error leaves the batch as it was) and adds the command to the batch. */
    public void add(SqlCommand command, IncomingRecord record) throws SQLException {
        List<FieldValue> values = resolve(command, record);
        switchTo(command);
        bind(command, values);
        statement.addBatch();
        if (++pending >= batchSize) {
            flush();
        }
    }

    /** Runs one command on its own, after flushing what is pending. */
    public void execute(SqlCommand command, IncomingRecord record) throws SQLException {
        List<FieldValue> values = resolve(command, record);
        switchTo(command);
        bind(command, values);
        statement.executeUpdate();
    }

    public void flush() throws SQLException {
        if (pending > 0) {
            pending = 0;
            statement.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        if (statement != null) {
            statement.close();
            statement = null;
        }
    }

    private static List<FieldValue> resolve(SqlCommand command, IncomingRecord record) {
        List<FieldValue> values = new ArrayList<>(command.parameters().size());
        for (String path : command.parameters()) {
            values.add(record.value(path));
        }
        return values;
    }

    private void switchTo(SqlCommand command) throws SQLException {
        if (current != null && current.sql().equals(command.sql())) {
            return;
        }
        flush();
        close();
        statement = connection.prepareStatement(command.sql());
        current = command;
    }

    private void bind(SqlCommand command, List<FieldValue> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ValueBinder.bind(statement, i + 1, command.parameters().get(i), values.get(i), dialect);
        }
    }
}
