package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.ConnectStack;
import io.domainbridge.testkit.rig.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The paper's source-load claim: the same write workload on a source table, once captured by Debezium's PostgreSQL
 * connector (log-based, on an embedded Connect worker) and once per poll interval by a query-based extractor in
 * timestamp+incrementing mode; for each, what the extractor cost the source server (SQL statements, rows read, CPU
 * time of its backends) and what it captured (changes missed, capture lag). Same database, same table made afresh
 * with the same rows, same seed, one JVM. Writes a Markdown report and its raw figures as JSON. Not a test: run it
 * with {@code benchmarks/scripts/run-source-load.sh}.
 */
public final class SourceLoadBenchmark {

    private static final long SEED = 20261127L;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /**
     * The harness's own transactions inside a log-based run's window: the statistics read at its start and the
     * backend list at its end.
     */
    private static final int HARNESS_TRANSACTIONS = 2;
    /** A polling run's window also holds the backend list at its start and the poller's {@code pg_backend_pid()}. */
    private static final int POLLING_HARNESS_TRANSACTIONS = HARNESS_TRANSACTIONS + 2;

    private final SourceLoadSettings settings;
    private final PostgresDatabase database;
    private final ConnectStack stack;

    private SourceLoadBenchmark(SourceLoadSettings settings, PostgresDatabase database, ConnectStack stack) {
        this.settings = settings;
        this.database = database;
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        Path reportFile = Path.of(args.length > 0 ? args[0] : "source-load-benchmark.md");
        SourceLoadSettings settings = SourceLoadSettings.fromEnvironment();
        SourceLoadReport report = new SourceLoadReport(settings);
        report.loadBefore(Provenance.loadAverage());
        try (BenchResources resources = new BenchResources()) {
            PostgresDatabase database = resources.add(PostgresDatabase.create("srcload"));
            log("Source database " + database.name() + "; starting a KRaft broker and a Connect worker");
            ConnectStack stack = resources.add(
                    ConnectStack.start("source-load", Files.createTempDirectory("source-load-plugins"), 1));
            SourceLoadBenchmark benchmark = new SourceLoadBenchmark(settings, database, stack);
            report.add(benchmark.logBased(resources));
            for (Duration interval : settings.pollIntervals()) {
                report.add(benchmark.polling(interval));
            }
        }
        report.loadAfter(Provenance.loadAverage());
        String markdown = report.markdown();
        LookupBenchReport.write(reportFile, markdown);
        report.summarize(reportFile);
        report.writeJson(Path.of(reportFile.toString().replaceFirst("\\.md$", "") + ".json"));
        System.out.println(markdown);
        log("Wrote " + reportFile);
        System.exit(0);
    }

    private SourceLoadRun logBased(BenchResources resources) throws Exception {
        OrdersTable.recreate(database, settings.rows());
        CdcExtractor cdc = resources.add(new CdcExtractor(stack.cluster(), database));
        log("Starting Debezium's PostgreSQL connector (pgoutput, slot " + cdc.slot() + ")");
        cdc.start(TIMEOUT);
        log("Streaming; letting the startup statistics settle for "
                + settings.settle().toSeconds() + " s, measuring the idle cost in the last "
                + idleWindow().toSeconds() + " s");
        Thread.sleep(settings.settle().minus(idleWindow()).toMillis());
        SourceLoadRun.IdleCost idle = idleCost(cdc.slot());
        ExtractorCpu cpu = ExtractorCpu.begin(database);
        var before = SourceServerStats.read(database, cdc.slot());
        WriteWorkload.Result workload = write();
        Captures.Matched captured =
                cdc.collect(workload.changes().changes(), TIMEOUT).match(workload.changes());
        long cpuMillis = cpu.millis(Set.of());
        cdc.stop();
        Thread.sleep(1500);
        var delta = SourceServerStats.delta(before, SourceServerStats.read(database, cdc.slot()));
        cdc.close();
        SourceLoadRun run = new SourceLoadRun(
                "c",
                "log-based CDC, Debezium PostgreSQL connector",
                workload,
                captured,
                null,
                cpuMillis,
                cpu.describe(),
                delta,
                HARNESS_TRANSACTIONS,
                idle);
        log(summary(run));
        return run;
    }

    private SourceLoadRun polling(Duration interval) throws Exception {
        OrdersTable.recreate(database, settings.rows());
        Thread.sleep(1500);
        String key = "p" + interval.toMillis();
        var before = SourceServerStats.read(database, null);
        WriteWorkload.Result workload;
        Captures.Matched captured;
        long cpuMillis;
        long statements;
        String backends;
        try (PollingExtractor poller = new PollingExtractor(database, interval, settings.batchSize())) {
            ExtractorCpu cpu = ExtractorCpu.begin(database);
            log("Polling every " + interval.toMillis() + " ms");
            poller.startAfterNewestRow(database);
            workload = write();
            poller.awaitCaughtUp(System.nanoTime(), TIMEOUT);
            cpuMillis = cpu.millis(Set.of());
            statements = poller.statements();
            captured = poller.captures().match(workload.changes());
            backends = cpu.describe();
        }
        Thread.sleep(1500);
        var delta = SourceServerStats.delta(before, SourceServerStats.read(database, null));
        SourceLoadRun run = new SourceLoadRun(
                key,
                "query-based polling every " + interval.toMillis() + " ms",
                workload,
                captured,
                statements,
                cpuMillis,
                backends,
                delta,
                POLLING_HARNESS_TRANSACTIONS,
                null);
        log(summary(run));
        return run;
    }

    /** The part of the settle time in which the idle cost is measured: all but its first 3 s. */
    private Duration idleWindow() {
        return settings.settle().minusSeconds(3).isNegative()
                ? Duration.ZERO
                : settings.settle().minusSeconds(3);
    }

    private SourceLoadRun.IdleCost idleCost(String slot) throws InterruptedException {
        ExtractorCpu cpu = ExtractorCpu.begin(database);
        long walBefore = SourceServerStats.read(database, slot).get("wal_bytes");
        long start = System.nanoTime();
        Thread.sleep(idleWindow().toMillis());
        long cpuMillis = cpu.millis(Set.of());
        double seconds = (System.nanoTime() - start) / 1e9;
        long walBytes = SourceServerStats.read(database, slot).get("wal_bytes") - walBefore;
        return new SourceLoadRun.IdleCost(cpuMillis, walBytes, seconds);
    }

    private WriteWorkload.Result write() throws Exception {
        log("Writing " + settings.rate() + " changes/s for "
                + settings.duration().toSeconds() + " s");
        return new WriteWorkload(
                        database, settings.rows(), settings.rate(), settings.duration(), settings.hotRows(), SEED)
                .run();
    }

    private static String summary(SourceLoadRun run) {
        return run.label() + ": " + run.workload().changes().changes() + " changes, "
                + run.captured().records()
                + " captured records, " + run.changesMissed() + " changes missed, extractor CPU "
                + run.extractorCpuMillis() + " ms (" + run.backends() + "), extractor transactions "
                + run.extractorTransactions() + ", writer backend CPU "
                + run.workload().backendCpuMillis() + " ms";
    }

    static void log(String message) {
        System.out.println("[source-load-bench] " + message);
    }
}
