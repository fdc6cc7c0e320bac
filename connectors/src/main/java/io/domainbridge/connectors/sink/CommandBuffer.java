package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects consecutive commands with the same SQL into one JDBC batch. A different statement flushes the batch
 * first, so commands run in record order; within a batch the database runs them in order too. Each command's row
 * count goes to a listener once its batch ran ({@link Statement#SUCCESS_NO_INFO} when the driver does not say). A
 * command's follow-up runs in a batch of its own right after the command's batch.
 */
public final class CommandBuffer implements AutoCloseable {

    /** Hears how many rows each command affected. */
    @FunctionalInterface
    public interface RowCounts {
        void counted(IncomingRecord record, SqlCommand command, String mapping, int rows) throws SQLException;
    }

    private record Pending(IncomingRecord record, SqlCommand command, String mapping) {}

    private final Connection connection;
    private final int batchSize;
    private final Dialect dialect;
    private final RowCounts counts;
    private final List<Pending> pending = new ArrayList<>();
    private SqlCommand current;
    private PreparedStatement statement;
    private PreparedStatement followUp;

    public CommandBuffer(Connection connection, int batchSize, Dialect dialect, RowCounts counts) {
        this.connection = connection;
        this.batchSize = batchSize;
        this.dialect = dialect;
        this.counts = counts;
    }

    /** Binds the record's values (a data error leaves the batch as it was) and adds the command to the batch. */
    public void add(SqlCommand command, IncomingRecord record, String mapping) throws SQLException {
        List<FieldValue> values = resolve(command, record);
        List<FieldValue> followUpValues = command.followUp() == null ? null : resolve(command.followUp(), record);
        switchTo(command);
        bind(statement, command, values);
        statement.addBatch();
        if (followUp != null) {
            bind(followUp, command.followUp(), followUpValues);
            followUp.addBatch();
        }
        pending.add(new Pending(record, command, mapping));
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /** Runs one command on its own, after flushing what is pending, and returns how many rows it affected. */
    public int execute(SqlCommand command, IncomingRecord record) throws SQLException {
        List<FieldValue> values = resolve(command, record);
        List<FieldValue> followUpValues = command.followUp() == null ? null : resolve(command.followUp(), record);
        switchTo(command);
        bind(statement, command, values);
        int rows = statement.executeUpdate();
        if (followUp != null) {
            bind(followUp, command.followUp(), followUpValues);
            followUp.executeUpdate();
        }
        return rows;
    }

    public void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> ran = List.copyOf(pending);
        pending.clear();
        int[] rows = statement.executeBatch();
        if (followUp != null) {
            followUp.executeBatch();
        }
        for (int i = 0; i < ran.size(); i++) {
            Pending p = ran.get(i);
            counts.counted(p.record(), p.command(), p.mapping(), i < rows.length ? rows[i] : Statement.SUCCESS_NO_INFO);
        }
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement closing = followUp) {
            if (statement != null) {
                statement.close();
            }
        } finally {
            statement = null;
            followUp = null;
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
        if (command.batchesWith(current)) {
            return;
        }
        flush();
        close();
        statement = connection.prepareStatement(command.sql());
        if (command.followUp() != null) {
            followUp = connection.prepareStatement(command.followUp().sql());
        }
        current = command;
    }

    private void bind(PreparedStatement statement, SqlCommand command, List<FieldValue> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ValueBinder.bind(statement, i + 1, command.parameters().get(i), values.get(i), dialect);
        }
    }
}
