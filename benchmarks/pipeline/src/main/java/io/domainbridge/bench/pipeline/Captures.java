package io.domainbridge.bench.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an extractor delivered, matched against the {@link ChangeLog}: distinct row versions and deletes captured,
 * and the capture lag of each (from the writer's commit until the extractor had the change).
 */
final class Captures {

    private final Set<String> versions = new HashSet<>();
    private final Set<Long> deletes = new HashSet<>();
    private final List<long[]> timings = new ArrayList<>();
    private long records;

    synchronized void row(long id, int version, long capturedMicros) {
        records++;
        versions.add(id + "/" + version);
        timings.add(new long[] {id, version, capturedMicros});
    }

    synchronized void delete(long id, long capturedMicros) {
        records++;
        deletes.add(id);
        timings.add(new long[] {id, -1, capturedMicros});
    }

    /** Change records delivered, duplicates included. */
    synchronized long records() {
        return records;
    }

    /** The figures against what the workload wrote. */
    synchronized Matched match(ChangeLog log) {
        int versionsFound = 0;
        for (String key : versions) {
            String[] parts = key.split("/");
            if (log.commitMicros(Long.parseLong(parts[0]), Integer.parseInt(parts[1])) >= 0) {
                versionsFound++;
            }
        }
        int deletesFound = 0;
        for (long id : deletes) {
            if (log.deleteMicros(id) >= 0) {
                deletesFound++;
            }
        }
        Latencies lag = new Latencies();
        for (long[] t : timings) {
            long committed = t[1] < 0 ? log.deleteMicros(t[0]) : log.commitMicros(t[0], (int) t[1]);
            if (committed >= 0) {
                lag.add(Math.max(0, t[2] - committed) * 1000);
            }
        }
        return new Matched(records, versionsFound, deletesFound, lag);
    }

    /**
     * Records delivered; row versions (inserts and updates) and deletes of the workload among them; lag of each
     * matched record (negative lags, from clock reading order, count as zero).
     */
    record Matched(long records, int versions, int deletes, Latencies lag) {}
}
