package io.domainbridge.testkit.scenarios;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies commands on several connections of the source domain at once, one thread per connection. Every command of
 * an aggregate goes to the same connection, so an aggregate's commands commit in the order they were made. A lane
 * holds a few commands at most: when the database cannot keep up, {@link #submit} blocks and the load falls behind
 * its schedule instead of queueing without bound.
 */
public final class CommandLanes implements AutoCloseable {

    /** Applies one command in its own transaction on the given connection. */
    public interface Applier {
        void apply(Connection connection, Command command) throws SQLException;
    }

    /** Opens a connection to the source domain. */
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private static final int LANE_CAPACITY = 16;
    private static final Runnable STOP = () -> {};

    private final List<BlockingQueue<Runnable>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<SQLException> failure = new AtomicReference<>();
    private final ThreadLocal<Connection> connectionOfThisLane = new ThreadLocal<>();
    private final Applier applier;
    private final ScenarioDriver.CommitListener listener;

    public CommandLanes(int lanes, Connector connector, Applier applier, ScenarioDriver.CommitListener listener)
            throws SQLException {
        this.applier = applier;
        this.listener = listener;
        for (int i = 0; i < lanes; i++) {
            Connection connection = connector.connect();
            connection.setAutoCommit(false);
            BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(LANE_CAPACITY);
            Thread thread = new Thread(() -> drain(queue, connection), "command-lane-" + i);
            thread.setDaemon(true);
            thread.start();
            queues.add(queue);
            threads.add(thread);
        }
    }

    /** Queues the command on its aggregate's lane, waiting while that lane is full. */
    public void submit(int index, Command command) throws SQLException, InterruptedException {
        rethrow();
        String aggregate =
                command.events().isEmpty() ? "" : command.events().get(0).aggregateId();
        queues.get(Math.floorMod(aggregate.hashCode(), queues.size())).put(() -> apply(index, command));
    }

    /** Waits until every queued command has committed; rethrows the first failure. */
    public void finish() throws SQLException, InterruptedException {
        for (BlockingQueue<Runnable> queue : queues) {
            queue.put(STOP);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        rethrow();
    }

    private void apply(int index, Command command) {
        if (failure.get() != null) {
            return;
        }
        try {
            applier.apply(connectionOfThisLane.get(), command);
            listener.committed(index, command, System.currentTimeMillis());
        } catch (SQLException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void drain(BlockingQueue<Runnable> queue, Connection connection) {
        connectionOfThisLane.set(connection);
        try (connection) {
            for (Runnable task = queue.take(); task != STOP; task = queue.take()) {
                task.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void rethrow() throws SQLException {
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
    }
}
