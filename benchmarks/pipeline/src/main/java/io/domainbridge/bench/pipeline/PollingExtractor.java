package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A query-based change extractor as a JDBC source connector runs it in timestamp+incrementing mode: every poll
 * interval, {@code select ... where (updated_at, id) > (?, ?) order by updated_at, id limit N} from the last row
 * seen, again at once while a poll returns a full batch. One connection, one prepared statement, autocommit. It sees
 * each row's state at poll time: deletes never, and of several updates between two polls only the last.
 */
final class PollingExtractor implements AutoCloseable {

    static final String QUERY = "select " + OrdersTable.COLUMNS + " from " + OrdersTable.TABLE
            + " where (updated_at, id) > (?, ?) order by updated_at, id limit ?";

    private final Connection connection;
    private final PreparedStatement statement;
    private final Duration interval;
    private final int batchSize;
    private final int backendPid;
    private final Captures captures = new Captures();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private OffsetDateTime lastUpdatedAt;
    private long lastId;
    private volatile boolean running = true;
    private volatile long statements;
    private volatile long lastEmptyPollStart;
    private Thread thread;

    PollingExtractor(PostgresDatabase database, Duration interval, int batchSize) throws SQLException {
        this.connection = database.connect();
        this.statement = connection.prepareStatement(QUERY);
        this.interval = interval;
        this.batchSize = batchSize;
        this.backendPid = WriteWorkload.backendPid(connection);
    }

    /** The position to start from: the newest row now in the table, read on another connection. */
    void startAfterNewestRow(PostgresDatabase database) throws SQLException {
        try (Connection other = database.connect();
                PreparedStatement newest = other.prepareStatement("select updated_at, id from " + OrdersTable.TABLE
                        + " order by updated_at desc, id desc limit 1");
                ResultSet row = newest.executeQuery()) {
            row.next();
            lastUpdatedAt = row.getObject(1, OffsetDateTime.class);
            lastId = row.getLong(2);
        }
        statements++;
        thread = new Thread(this::pollLoop, "polling-extractor");
        thread.start();
    }

    int backendPid() {
        return backendPid;
    }

    /** SQL statements the extractor ran: its start position query and every poll. */
    long statements() {
        return statements;
    }

    Captures captures() {
        return captures;
    }

    /** Waits until a poll that started after {@code sinceNanos} found nothing new, i.e. the extractor caught up. */
    void awaitCaughtUp(long sinceNanos, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lastEmptyPollStart <= sinceNanos && failure.get() == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The polling extractor did not catch up within " + timeout);
            }
            Thread.sleep(20);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The polling extractor failed", failure.get());
        }
    }

    private void pollLoop() {
        long next = System.nanoTime();
        try {
            while (running) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue;
                }
                long started = System.nanoTime();
                int rows;
                do {
                    rows = poll();
                } while (rows == batchSize && running);
                if (rows == 0) {
                    lastEmptyPollStart = started;
                }
                next = Math.max(next + interval.toNanos(), System.nanoTime());
            }
        } catch (SQLException | RuntimeException e) {
            failure.set(e);
        }
    }

    private int poll() throws SQLException {
        statement.setObject(1, lastUpdatedAt);
        statement.setLong(2, lastId);
        statement.setInt(3, batchSize);
        int rows = 0;
        try (ResultSet result = statement.executeQuery()) {
            long now = WriteWorkload.nowMicros();
            while (result.next()) {
                rows++;
                lastId = result.getLong(1);
                lastUpdatedAt = result.getObject(7, OffsetDateTime.class);
                captures.row(lastId, result.getInt(6), now);
            }
        }
        statements++;
        return rows;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot close the polling extractor's connection", e);
        }
    }
}
