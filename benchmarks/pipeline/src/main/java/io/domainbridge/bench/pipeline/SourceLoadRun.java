package io.domainbridge.bench.pipeline;

import java.util.Map;

/**
 * One extractor's run of the write workload: what the workload did, what the extractor captured, its SQL statements
 * as the harness counted them (null for log-based capture, which runs none), the CPU time of its backends, the
 * source server's statistics over the run, and the extractor's cost while idle.
 */
record SourceLoadRun(
        String key,
        String label,
        WriteWorkload.Result workload,
        Captures.Matched captured,
        Long statements,
        long extractorCpuMillis,
        String backends,
        Map<String, Long> stats,
        int harnessTransactions,
        IdleCost idle) {

    /**
     * What the extractor's backends cost while no row of the table changed, and how much WAL the whole server wrote
     * meanwhile (a walsender reads all of it); measured for log-based capture only, null otherwise.
     */
    record IdleCost(long cpuMillis, long walBytes, double seconds) {}

    /** Transactions committed on the source database other than the writer's and the harness's: the extractor's. */
    long extractorTransactions() {
        return stats.get("xact_commit") - workload.transactions() - harnessTransactions;
    }

    int changesMissed() {
        ChangeLog log = workload.changes();
        return log.changes() - captured.versions() - captured.deletes();
    }

    /** Row versions written but never captured: overwritten before a poll saw them (or inserted and deleted). */
    int versionsMissed() {
        ChangeLog log = workload.changes();
        return log.inserts() + log.updates() - captured.versions();
    }

    int deletesMissed() {
        return workload.changes().deletes() - captured.deletes();
    }
}
