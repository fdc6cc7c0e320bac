package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.PostgresDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * The source domain's writes: one transaction per change at a steady rate, 20% inserts, 70% updates of recent orders
 * (the newest {@code hotRows} ids, so some orders change several times within a second), 10% deletes of any order.
 * The same seed gives the same changes on the same starting table. Every update sets {@code updated_at = now()} and
 * increments {@code version}.
 */
final class WriteWorkload {

    /**
     * What ran: the changes, how many transactions (one per change plus the writer's {@code pg_backend_pid()} query),
     * and the CPU time of the writer's own backend.
     */
    record Result(ChangeLog changes, int transactions, long backendCpuMillis, double seconds) {}

    private final PostgresDatabase database;
    private final int rate;
    private final Duration duration;
    private final int hotRows;
    private final Random random;
    private final List<Long> live = new ArrayList<>();
    private final Map<Long, Integer> position = new HashMap<>();
    private final Map<Long, Integer> versions = new HashMap<>();
    private long nextId;

    WriteWorkload(PostgresDatabase database, int existingRows, int rate, Duration duration, int hotRows, long seed) {
        this.database = database;
        this.rate = rate;
        this.duration = duration;
        this.hotRows = hotRows;
        this.random = new Random(seed);
        for (long id = 1; id <= existingRows; id++) {
            add(id);
        }
        nextId = existingRows + 1L;
    }

    Result run() throws SQLException {
        ChangeLog log = new ChangeLog();
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("insert into " + OrdersTable.TABLE
                        + " (id, customer_id, status, amount, note, version) values (?, ?, 'NEW', ?, ?, 1)");
                PreparedStatement update = connection.prepareStatement("update " + OrdersTable.TABLE
                        + " set status = ?, amount = ?, version = version + 1, updated_at = now() where id = ?");
                PreparedStatement delete =
                        connection.prepareStatement("delete from " + OrdersTable.TABLE + " where id = ?")) {
            int pid = backendPid(connection);
            long cpuBefore = BackendCpu.millis(pid);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            int index = 0;
            for (long due = start; due < end; due = start + (long) (++index * 1e9 / rate)) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                change(insert, update, delete, log);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(log, index + 1, BackendCpu.millis(pid) - cpuBefore, seconds);
        }
    }

    private void change(PreparedStatement insert, PreparedStatement update, PreparedStatement delete, ChangeLog log)
            throws SQLException {
        int dice = random.nextInt(10);
        if (dice < 2 || live.size() < 10) {
            long id = nextId++;
            insert.setLong(1, id);
            insert.setLong(2, random.nextInt(997));
            insert.setBigDecimal(3, BigDecimal.valueOf(random.nextInt(100_000), 2));
            insert.setString(4, "order " + id);
            insert.executeUpdate();
            log.inserted(id, nowMicros());
            add(id);
        } else if (dice < 9) {
            long id = hotId();
            update.setString(1, random.nextBoolean() ? "PAID" : "SHIPPED");
            update.setBigDecimal(2, BigDecimal.valueOf(random.nextInt(100_000), 2));
            update.setLong(3, id);
            update.executeUpdate();
            int version = versions.merge(id, 1, Integer::sum);
            log.updated(id, version, nowMicros());
        } else {
            long id = live.get(random.nextInt(live.size()));
            delete.setLong(1, id);
            delete.executeUpdate();
            log.deleted(id, nowMicros());
            remove(id);
        }
    }

    /** A live order among the newest {@code hotRows} ids, or any live order when none is found there. */
    private long hotId() {
        for (int attempt = 0; attempt < 20; attempt++) {
            long id = nextId - 1 - random.nextInt(hotRows);
            if (position.containsKey(id)) {
                return id;
            }
        }
        return live.get(random.nextInt(live.size()));
    }

    private void add(long id) {
        position.put(id, live.size());
        live.add(id);
        versions.put(id, 1);
    }

    private void remove(long id) {
        int at = position.remove(id);
        long last = live.remove(live.size() - 1);
        if (last != id) {
            live.set(at, last);
            position.put(last, at);
        }
        versions.remove(id);
    }

    static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_backend_pid()");
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
