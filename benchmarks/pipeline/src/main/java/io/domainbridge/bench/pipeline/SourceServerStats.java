package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The source server's cumulative statistics that matter for an extractor, read in one query (one transaction on the
 * source database): transactions on the database, reads on the orders table and on the {@code (updated_at, id)}
 * index, what the replication slot decoded, and the server's WAL position.
 */
final class SourceServerStats {

    private static final String QUERY = "select"
            + " (select xact_commit from pg_stat_database where datname = current_database()) as xact_commit,"
            + " (select xact_rollback from pg_stat_database where datname = current_database()) as xact_rollback,"
            + " t.seq_scan, t.seq_tup_read, coalesce(t.idx_scan, 0) as idx_scan,"
            + " coalesce(t.idx_tup_fetch, 0) as idx_tup_fetch,"
            + " i.idx_scan as poll_index_scan, i.idx_tup_read as poll_index_tup_read,"
            + " i.idx_tup_fetch as poll_index_tup_fetch,"
            + " io.heap_blks_read + io.heap_blks_hit as heap_blocks, io.idx_blks_read + io.idx_blks_hit as index_blocks,"
            + " coalesce((select total_txns from pg_stat_replication_slots where slot_name = ?), 0) as slot_txns,"
            + " coalesce((select total_bytes from pg_stat_replication_slots where slot_name = ?), 0) as slot_bytes,"
            + " coalesce((select spill_bytes from pg_stat_replication_slots where slot_name = ?), 0) as slot_spill,"
            + " pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint as wal_bytes"
            + " from pg_stat_user_tables t"
            + " join pg_stat_user_indexes i on i.relid = t.relid and i.indexrelname = '" + OrdersTable.INDEX + "'"
            + " join pg_statio_user_tables io on io.relid = t.relid"
            + " where t.schemaname = 'shop' and t.relname = 'orders'";

    /** Figure names, in the order of the report. */
    static final String[] FIGURES = {
        "xact_commit",
        "xact_rollback",
        "seq_scan",
        "seq_tup_read",
        "idx_scan",
        "idx_tup_fetch",
        "poll_index_scan",
        "poll_index_tup_read",
        "poll_index_tup_fetch",
        "heap_blocks",
        "index_blocks",
        "slot_txns",
        "slot_bytes",
        "slot_spill",
        "wal_bytes"
    };

    private SourceServerStats() {}

    /** The figures now; {@code slot} may be null when no replication slot is involved. */
    static Map<String, Long> read(PostgresDatabase database, String slot) {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(QUERY)) {
            for (int i = 1; i <= 3; i++) {
                statement.setString(i, slot == null ? "" : slot);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                Map<String, Long> figures = new LinkedHashMap<>();
                for (String figure : FIGURES) {
                    figures.put(figure, row.getLong(figure));
                }
                return figures;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the statistics of " + database.name(), e);
        }
    }

    /** {@code after - before}, figure by figure. */
    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        before.forEach((figure, value) -> delta.put(figure, after.get(figure) - value));
        return delta;
    }
}
