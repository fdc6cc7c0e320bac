package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.PostgresDatabase;
import io.domainbridge.testkit.scenarios.Percentiles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@link ArrivalProbe}'s own error and cost, measured in the benchmark's run. Error: a writer commits one row at a
 * time into a table with the same kind of trigger while the load runs, and the delay from its {@code commit()}
 * returning to the notification being read is what the probe adds to every latency. Cost: the time per row the
 * trigger adds to batched inserts into a table shaped like the inbox.
 */
final class ProbeCalibration implements AutoCloseable {

    private static final String CHANNEL = "domainbridge_probe";
    private static final String TABLE = "latency_probe";

    private final PostgresDatabase database;
    private final Map<String, Long> committed = new ConcurrentHashMap<>();
    private final Map<String, Long> read = new ConcurrentHashMap<>();
    private Thread writer;
    private Thread reader;
    private Connection readerConnection;

    ProbeCalibration(PostgresDatabase database) {
        this.database = database;
    }

    /** Starts committing a probe row every {@code interval} until {@link #close()}. */
    void start(Duration interval) throws SQLException {
        database.inTransaction(
                "create table " + TABLE + " (id bigint primary key)",
                NotifyTrigger.function(TABLE, CHANNEL, "new.id::text"),
                NotifyTrigger.create(TABLE, TABLE));
        readerConnection = database.connect();
        reader = new Thread(new ArrivalProbe.NotificationReader(readerConnection, CHANNEL, read::put), "probe-reader");
        reader.setDaemon(true);
        reader.start();
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        writer = new Thread(() -> write(interval), "probe-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void write(Duration interval) {
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("insert into " + TABLE + " values (?)")) {
            connection.setAutoCommit(false);
            for (long id = 1; !Thread.currentThread().isInterrupted(); id++) {
                insert.setLong(1, id);
                insert.executeUpdate();
                connection.commit();
                committed.put(Long.toString(id), System.nanoTime());
                LockSupport.parkNanos(interval.toNanos());
            }
        } catch (SQLException e) {
            System.out.println("[latency-bench] probe writer stopped: " + e.getMessage());
        }
    }

    /**
     * Delays from the writer's {@code commit()} returning to the notification being read, in microseconds; negative
     * when the notification was read first.
     */
    Percentiles delaysMicros() {
        List<Long> delays = new ArrayList<>();
        committed.forEach((id, at) -> {
            Long readAt = read.get(id);
            if (readAt != null) {
                delays.add((readAt - at) / 1_000);
            }
        });
        return Percentiles.of(delays);
    }

    /**
     * Microseconds the trigger adds per inserted row: batched inserts of {@code rows} inbox-shaped rows, 500 per
     * transaction, into a table with and one without the trigger, best of five rounds each.
     */
    double triggerCostMicrosPerRow(int rows) throws SQLException {
        String columns = " (consumer varchar(255) not null, event_id varchar(255) not null,"
                + " applied_at timestamp not null, primary key (consumer, event_id))";
        database.inTransaction(
                "create table probe_plain" + columns,
                "create table probe_triggered" + columns,
                NotifyTrigger.function(
                        "probe_triggered", "domainbridge_unheard", "new.consumer || ' ' || new.event_id"),
                NotifyTrigger.create("probe_triggered", "probe_triggered"));
        long plain = Long.MAX_VALUE;
        long triggered = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            plain = Math.min(plain, insertNanos("probe_plain", rows, round));
            triggered = Math.min(triggered, insertNanos("probe_triggered", rows, round));
        }
        return (triggered - plain) / 1_000.0 / rows;
    }

    private long insertNanos(String table, int rows, int round) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement insert =
                        connection.prepareStatement("insert into " + table + " values (?, ?, current_timestamp)")) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            for (int i = 1; i <= rows; i++) {
                insert.setString(1, "round-" + round);
                insert.setString(2, "00000000-0000-0000-0000-" + String.format("%012d", i));
                insert.addBatch();
                if (i % 500 == 0 || i == rows) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            return System.nanoTime() - start;
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.interrupt();
            reader.interrupt();
            try {
                writer.join(2_000);
                readerConnection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException ignored) {
                // the database is dropped next
            }
        }
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists " + TABLE + ", probe_plain, probe_triggered");
        } catch (SQLException ignored) {
            // the database is dropped next
        }
    }
}
