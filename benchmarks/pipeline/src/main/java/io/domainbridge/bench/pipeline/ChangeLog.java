package io.domainbridge.bench.pipeline;

import java.util.HashMap;
import java.util.Map;

/**
 * Every change the write workload committed: each row version written (insert or update, keyed by id and version)
 * with its commit time, and the deleted ids, so that what an extractor captured can be matched against it.
 */
final class ChangeLog {

    private final Map<String, Long> committedMicros = new HashMap<>();
    private final Map<Long, Long> deletedMicros = new HashMap<>();
    private int inserts;
    private int updates;

    void inserted(long id, long micros) {
        inserts++;
        committedMicros.put(key(id, 1), micros);
    }

    void updated(long id, int version, long micros) {
        updates++;
        committedMicros.put(key(id, version), micros);
    }

    void deleted(long id, long micros) {
        deletedMicros.put(id, micros);
    }

    int inserts() {
        return inserts;
    }

    int updates() {
        return updates;
    }

    int deletes() {
        return deletedMicros.size();
    }

    int changes() {
        return inserts + updates + deletes();
    }

    /** Commit time of a row version in microseconds since the epoch, or -1 when the workload never wrote it. */
    long commitMicros(long id, int version) {
        return committedMicros.getOrDefault(key(id, version), -1L);
    }

    /** Commit time of a delete in microseconds since the epoch, or -1 when the workload never deleted the id. */
    long deleteMicros(long id) {
        return deletedMicros.getOrDefault(id, -1L);
    }

    private static String key(long id, int version) {
        return id + "/" + version;
    }
}
