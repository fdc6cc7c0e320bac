package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.scenarios.Percentiles;
import java.util.Locale;

/** The setup, method and machine paragraphs of the latency report. */
final class LatencyMethod {

    private LatencyMethod() {}

    static void append(StringBuilder md, LatencyReport report) {
        StepResult steady = report.steady();
        LatencySettings settings = report.settings();
        md.append("Setup: the shipping scenario of `connect-configs/shipping/` as it is: Debezium's PostgreSQL")
                .append(" connector (pgoutput) on `shipping.outbox` with CommandEventEnvelope and JsonConverter, topic")
                .append(" `logistics.package.events` (3 partitions), and two CommandSink connectors of one task each")
                .append(" into databases of their own (billing: `PackageStatusChanged` by statement;")
                .append(" customer-tracking:")
                .append(" both event types, statement and upsert with a version guard). The replication path")
                .append(" (Debezium on `shipping.packages` with DomainBoundary, CommandSink upsert into")
                .append(" customer-service) runs alongside and is not timed. One KRaft broker and one distributed")
                .append(" Connect worker in the benchmark's JVM (`ScenarioDriver`); PostgreSQL 15 on the same")
                .append(" host.\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Load: `ScenarioDriver.runLoad` on %d JDBC connection(s) of the source domain, one transaction per"
                        + " command (state change and outbox row), every command of a package on the same connection"
                        + " so that its events commit in order; each commit waits for its WAL flush. Every shipping"
                        + " command writes one outbox row (fixed-rate run: %,d events from %,d commands), so the rate"
                        + " is driven in commands/s and equals events/s. Command i is due at start + i / rate; a late"
                        + " generator catches up without pausing (each connection queues at most 16 commands, then the"
                        + " generator waits) and stops at the end of the step, so an achieved rate below the offered"
                        + " one means the generator could not go faster. Before the fixed-rate run,"
                        + " bursts of 3 s at 100 events/s run until every event of a burst is visible within 1 s of its"
                        + " end (consumer groups joined, classes loaded); then steps at half the fixed rate run until"
                        + " one keeps up (at most four; a cold pipeline built a queue that outlasted the warm-up); then"
                        + " the fixed-rate run's own warm-up is left out of its figures.%n%n",
                settings.sourceConnections(),
                steady.events(),
                steady.commands()));
        Percentiles probe = report.probeDelays();
        md.append(String.format(
                Locale.ROOT,
                "Detection: the commit time is `System.nanoTime()` on the committing thread right after `commit()`"
                        + " returns. Each event consumer's inbox table (its row commits in the same transaction as"
                        + " the consumer row) has a row trigger calling `pg_notify` with consumer and event id;"
                        + " PostgreSQL delivers the notification once that transaction has committed, to a"
                        + " connection of the benchmark that `LISTEN`s, blocked in PgJDBC's `getNotifications`, which"
                        + " reads `System.nanoTime()` when it arrives: one JVM, one monotonic clock, no polling"
                        + " interval. The probe's own error, measured during the fixed-rate run by committing a row"
                        + " every 50 ms into a table with the same trigger: `commit()` returning to notification read"
                        + " p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d probes). Its cost: %s per inbox row (batched"
                        + " inserts of 20,000 rows, 500 per transaction, with and without the trigger, best of 5).%n%n",
                probe.at(50) / 1000.0,
                probe.at(99) / 1000.0,
                probe.max() / 1000.0,
                probe.count(),
                cost(report.triggerCostMicros())));
        md.append(String.format(
                Locale.ROOT,
                "Rising rate: the steps run one after the other on the same stack after the fixed-rate run, and"
                        + " the ladder stops at the first step not sustained. A step is sustained when the (event,"
                        + " consumer) pairs in flight when the load stopped were all visible within %d s, the median"
                        + " latency of the events committed in its last third is at most %.1f x that of its first"
                        + " third + %d ms, its median is at most %.0f x the median of the last priming burst (%.1f"
                        + " ms; a queue standing from the start), and the source achieved at least %.0f%% of the"
                        + " offered rate.%n%n",
                settings.drainLimit().toSeconds(),
                StepResult.TREND_FACTOR,
                StepResult.TREND_SLACK_MICROS / 1000,
                StepResult.SATURATION_FACTOR,
                steady.baselineP50() / 1000.0,
                StepResult.DRIVER_SHARE * 100));
        md.append(String.format(
                Locale.ROOT,
                "Machine: %s cores (%s), shared with other builds; load average before/after: %s / %s. Commit %s."
                        + " Measuring took %s s (stack start included, build not).%n",
                report.machine().get("cores"),
                report.machine().get("cpu"),
                report.machine().get("loadBefore"),
                report.machine().get("loadAfter"),
                report.commit(),
                report.machine().get("runSeconds")));
    }

    private static String cost(double micros) {
        return micros > 0
                ? String.format(Locale.ROOT, "the trigger adds %.1f µs", micros)
                : String.format(Locale.ROOT, "none measurable (with minus without the trigger: %.1f µs)", micros);
    }
}
