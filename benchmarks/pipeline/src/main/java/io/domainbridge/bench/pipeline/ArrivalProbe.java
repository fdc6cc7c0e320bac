package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Tells when each event's consumer row became visible in a consumer database. A row trigger on the sink's inbox
 * (whose row commits in the same transaction as the consumer row) queues a {@code NOTIFY} carrying consumer and event
 * id; PostgreSQL delivers it only once that transaction has committed, to a connection that {@code LISTEN}s and
 * blocks for it, so the arrival time is taken right after the commit instead of at the next poll.
 */
final class ArrivalProbe implements AutoCloseable {

    static final String CHANNEL = "domainbridge_arrivals";
    private static final Duration INBOX_TIMEOUT = Duration.ofSeconds(60);

    /** Receives each arrival with the {@link System#nanoTime()} at which its notification was read. */
    interface Listener {
        void arrived(String consumer, String eventId, long arrivedNanos);
    }

    private final List<Thread> threads = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();

    /** Installs the trigger on the inbox table of the database (once the sink has created it) and starts listening. */
    void watch(PostgresDatabase database, String inboxTable, Listener listener) throws SQLException {
        awaitTable(database, inboxTable);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute(
                    NotifyTrigger.function("domainbridge_arrival", CHANNEL, "new.consumer || ' ' || new.event_id"));
            statement.execute(NotifyTrigger.create("domainbridge_arrival", inboxTable));
        }
        Connection connection = database.connect();
        connections.add(connection);
        NotificationReader reader = new NotificationReader(connection, CHANNEL, (payload, nanos) -> {
            int space = payload.indexOf(' ');
            listener.arrived(payload.substring(0, space), payload.substring(space + 1), nanos);
        });
        Thread thread = new Thread(reader, "arrivals-" + database.name());
        thread.setDaemon(true);
        thread.start();
        threads.add(thread);
    }

    private static void awaitTable(PostgresDatabase database, String table) {
        long deadline = System.nanoTime() + INBOX_TIMEOUT.toNanos();
        while (database.column("select to_regclass(?)::text", table).get(0) == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "No table " + table + " in " + database.name() + " after " + INBOX_TIMEOUT);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        for (Connection connection : connections) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the database is dropped next
            }
        }
    }

    /** Listens on one channel of one connection and hands each notification's payload on with its read time. */
    static final class NotificationReader implements Runnable {

        /** Receives a payload and the {@link System#nanoTime()} at which it was read. */
        interface Handler {
            void handle(String payload, long readNanos);
        }

        private static final int BLOCK_MILLIS = 200;

        private final Connection connection;
        private final String channel;
        private final Handler handler;

        NotificationReader(Connection connection, String channel, Handler handler) {
            this.connection = connection;
            this.channel = channel;
            this.handler = handler;
        }

        @Override
        public void run() {
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (!Thread.currentThread().isInterrupted()) {
                    PGNotification[] notifications = pg.getNotifications(BLOCK_MILLIS);
                    long now = System.nanoTime();
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            handler.handle(notification.getParameter(), now);
                        }
                    }
                }
            } catch (SQLException e) {
                if (!Thread.currentThread().isInterrupted()) {
                    System.out.println(
                            "[latency-bench] notification reader on " + channel + " stopped: " + e.getMessage());
                }
            }
        }
    }
}
