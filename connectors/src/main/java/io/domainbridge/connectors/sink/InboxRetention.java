package io.domainbridge.connectors.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * Deletes inbox rows older than the retention, one bounded chunk at a time in a transaction of its own, so that the
 * inbox stays as large as the events of one retention period. A chunk runs at most once per interval, and again at
 * the next opportunity while chunks come back full, so a backlog drains one chunk per batch without one long delete.
 *
 * <p>Every inbox row is committed together with the stored offset of its partition, which is then past the row's
 * record: a redelivery of that record is skipped by its offset before the inbox is consulted. Pruning therefore
 * only forgets ids for duplicates that arrive at a new offset (a re-published event) later than the retention.
 */
public final class InboxRetention {

    private final InboxTable inbox;
    private final long retentionMs;
    private final int chunk;
    private final long intervalMs;
    private final LongSupplier clock;
    private long nextDue;

    /**
     * @param retentionMs age after which a row may go; not positive: rows are kept forever
     * @param clock milliseconds of the task's clock, for the interval only (ages are the database's)
     */
    public InboxRetention(InboxTable inbox, long retentionMs, int chunk, long intervalMs, LongSupplier clock) {
        this.inbox = inbox;
        this.retentionMs = retentionMs;
        this.chunk = chunk;
        this.intervalMs = intervalMs;
        this.clock = clock;
        this.nextDue = clock.getAsLong();
    }

    public boolean enabled() {
        return retentionMs > 0;
    }

    /**
     * Deletes and commits one chunk when it is due, returning the rows deleted (0 when not due). A failure defers the
     * next chunk by an interval too, so a troubled database is not asked again on every batch.
     */
    public int pruneIfDue(Connection connection) throws SQLException {
        long now = clock.getAsLong();
        if (!enabled() || now < nextDue) {
            return 0;
        }
        nextDue = now + intervalMs;
        int deleted = inbox.deleteExpired(connection, retentionMs, chunk);
        connection.commit();
        if (deleted >= chunk) {
            nextDue = now;
        }
        return deleted;
    }
}
