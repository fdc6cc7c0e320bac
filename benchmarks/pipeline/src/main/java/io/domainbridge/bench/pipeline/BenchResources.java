package io.domainbridge.bench.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a benchmark made and must release (databases, replication slots, stacks), closed in reverse order once: at
 * the end of the run, or by a shutdown hook when the run is interrupted (Ctrl-C, {@code kill}), so that no database
 * or replication slot is left behind on the shared server.
 */
final class BenchResources implements AutoCloseable {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeAll, "bench-cleanup");
    private boolean closed;

    BenchResources() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers a resource and returns it. */
    synchronized <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        closeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook has run or is running
        }
    }

    private synchronized void closeAll() {
        if (closed) {
            return;
        }
        closed = true;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                System.out.println("[bench] Cleanup failed: " + e);
            }
        }
    }
}
