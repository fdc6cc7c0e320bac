package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CPU time of the extractor's backends on the source server: every client backend and walsender connected to the
 * source database other than the harness's own (Debezium's walsender and its JDBC connection, or the poller's
 * connection; autovacuum workers are not counted), from
 * {@link #begin} until {@link #millis}. Backends that connect in between count from their start.
 */
final class ExtractorCpu {

    private static final String BACKENDS = "select pid, backend_type, coalesce(nullif(application_name, ''), '-')"
            + " from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
            + " and backend_type in ('client backend', 'walsender')";

    private final PostgresDatabase database;
    private final Map<Integer, Long> startMillis = new LinkedHashMap<>();
    private final Set<String> kinds = new TreeSet<>();

    private ExtractorCpu(PostgresDatabase database) {
        this.database = database;
    }

    /** The extractor's backends now, with their CPU time so far; call it while only the extractor is connected. */
    static ExtractorCpu begin(PostgresDatabase database) {
        ExtractorCpu cpu = new ExtractorCpu(database);
        cpu.backends().forEach((pid, kind) -> {
            cpu.startMillis.put(pid, BackendCpu.millis(pid));
            cpu.kinds.add(kind);
        });
        return cpu;
    }

    /** CPU milliseconds the extractor's backends used since {@link #begin}; call it before the extractor stops. */
    long millis(Set<Integer> notExtractor) {
        long total = 0;
        Map<Integer, String> now = backends();
        Set<Integer> pids = new TreeSet<>(startMillis.keySet());
        now.forEach((pid, kind) -> {
            if (!notExtractor.contains(pid)) {
                pids.add(pid);
                kinds.add(kind);
            }
        });
        for (int pid : pids) {
            long current = BackendCpu.millis(pid);
            if (current >= 0) {
                total += current - startMillis.getOrDefault(pid, 0L);
            }
        }
        return total;
    }

    /** The kinds of backends counted, as {@code backend_type (application_name)}. */
    String describe() {
        return String.join(", ", kinds);
    }

    private Map<Integer, String> backends() {
        Map<Integer, String> backends = new LinkedHashMap<>();
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(BACKENDS);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                backends.put(rows.getInt(1), rows.getString(2) + " (" + rows.getString(3) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the backends of " + database.name(), e);
        }
        return backends;
    }
}
