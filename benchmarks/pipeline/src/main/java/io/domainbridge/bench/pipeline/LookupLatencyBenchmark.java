package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.PostgresDatabase;
import io.domainbridge.testkit.scenarios.ScenarioDriver;
import io.domainbridge.testkit.scenarios.ShippingScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's lookup claim: Customer Service finds a package (a) in its own replica, the {@code package_lookup} table
 * the real pipeline fills (Debezium, DomainBoundary, CommandSink), with a JDBC query, or (b) by calling Logistics'
 * service synchronously over HTTP, which queries the source database. Same clients, same ids, same open-loop arrival
 * rate, alternating rounds in one run; then each side saturated, then (b) with the service stopped. Writes a
 * Markdown report and its raw figures as JSON. Not a test: run it with {@code benchmarks/scripts/run-lookup.sh}.
 */
public final class LookupLatencyBenchmark {

    private static final long SEED = 20261127L;
    private static final String LOCAL = "(a) local replica, JDBC on Customer Service's database";
    private static final String REMOTE = "(b) HTTP GET to Logistics' service, JDBC on Logistics' database";

    private final LookupSettings settings;
    private final LookupBenchReport report;

    private LookupLatencyBenchmark(LookupSettings settings) {
        this.settings = settings;
        this.report = new LookupBenchReport(settings.describe());
    }

    public static void main(String[] args) throws Exception {
        Path reportFile = Path.of(args.length > 0 ? args[0] : "lookup-benchmark.md");
        LookupSettings settings = LookupSettings.fromEnvironment();
        LookupBenchReport result = new LookupLatencyBenchmark(settings).run();
        String markdown = result.markdown();
        LookupBenchReport.write(reportFile, markdown);
        result.summarize(reportFile);
        result.writeJson(Path.of(reportFile.toString().replaceFirst("\\.md$", "") + ".json"));
        System.out.println(markdown);
        log("Wrote " + reportFile);
        System.exit(0);
    }

    private LookupBenchReport run() throws Exception {
        report.loadBefore(Provenance.loadAverage());
        Path pluginPath = Files.createTempDirectory("lookup-bench-plugins");
        try (BenchResources resources = new BenchResources()) {
            ScenarioDriver driver = resources.add(
                    new ScenarioDriver(new ShippingScenario()).wallClockEvents().log(LookupLatencyBenchmark::log));
            driver.start(pluginPath);
            long commandsStart = System.nanoTime();
            int events = driver.runCommands(settings.commands(), SEED);
            log("Ran " + settings.commands() + " commands (" + events + " outbox events) in " + seconds(commandsStart)
                    + " s; waiting for every consumer to catch up");
            awaitConsistent(driver);
            PostgresDatabase replica = driver.databases().of("customer_service");
            PostgresDatabase source = driver.databases().of("logistics");
            long[] ids = replica.column("select package_id from package_lookup order by 1").stream()
                    .mapToLong(Long::parseLong)
                    .toArray();
            log("The replica holds " + ids.length + " packages, equal to the source through the contract");
            measure(new LookupLoad(ids, SEED), replica, source);
        }
        report.loadAfter(Provenance.loadAverage());
        return report;
    }

    private void awaitConsistent(ScenarioDriver driver) throws InterruptedException {
        for (ScenarioDriver.CheckOutcome outcome : driver.checkConsistency(Duration.ofMinutes(2))) {
            if (!outcome.consistent()) {
                throw new IllegalStateException(
                        "Consumer not consistent: " + outcome.check().description() + ": " + outcome.diff());
            }
        }
    }

    private void measure(LookupLoad load, PostgresDatabase replica, PostgresDatabase source) throws Exception {
        List<ReplicaLookup> local = new ArrayList<>();
        List<HttpLookup> remote = new ArrayList<>();
        try (SourceDomainService service = SourceDomainService.start(source, settings.serverThreads())) {
            for (int i = 0; i < settings.clients(); i++) {
                local.add(new ReplicaLookup(replica));
                remote.add(new HttpLookup(service.uri()));
            }
            assertSameAnswers(load, local.get(0), remote.get(0));
            log("Warming up both sides for " + settings.warmup().toSeconds() + " s each");
            load.openLoop(local, settings.rate(), settings.warmup());
            load.openLoop(remote, settings.rate(), settings.warmup());
            openLoopRounds(load, local, remote);
            saturated(load, local, remote);
            service.close();
            log("Logistics' service stopped; the same load again for "
                    + settings.outage().toSeconds() + " s each");
            LookupLoad.Result localDuringOutage = load.openLoop(local, settings.rate(), settings.outage());
            LookupLoad.Result remoteDuringOutage = load.openLoop(remote, settings.rate(), settings.outage());
            report.availability(new LookupBenchReport.Row("outage", LOCAL, localDuringOutage));
            report.availability(new LookupBenchReport.Row("outage", REMOTE, remoteDuringOutage));
            report.headline(new BenchSummary.Row(
                    "Lookup (paper claim 1)",
                    "Lookups answered with the source service stopped, local replica / HTTP",
                    answered(localDuringOutage),
                    answered(remoteDuringOutage),
                    "n/a",
                    "",
                    ""));
        } finally {
            local.forEach(ReplicaLookup::close);
            remote.forEach(HttpLookup::close);
        }
    }

    private void openLoopRounds(LookupLoad load, List<ReplicaLookup> local, List<HttpLookup> remote)
            throws InterruptedException {
        LookupLoad.Result localAll = null;
        LookupLoad.Result remoteAll = null;
        for (int round = 1; round <= settings.rounds(); round++) {
            boolean localFirst = round % 2 == 1;
            LookupLoad.Result first = load.openLoop(localFirst ? local : remote, settings.rate(), settings.duration());
            LookupLoad.Result second = load.openLoop(localFirst ? remote : local, settings.rate(), settings.duration());
            LookupLoad.Result l = localFirst ? first : second;
            LookupLoad.Result r = localFirst ? second : first;
            report.round(new LookupBenchReport.Row(Integer.toString(round), "(a) local", l));
            report.round(new LookupBenchReport.Row(Integer.toString(round), "(b) HTTP", r));
            log(String.format(
                    Locale.ROOT,
                    "Round %d: local p50 %.3f ms p99 %.3f ms; HTTP p50 %.3f ms p99 %.3f ms",
                    round,
                    l.latencies().percentileMillis(50),
                    l.latencies().percentileMillis(99),
                    r.latencies().percentileMillis(50),
                    r.latencies().percentileMillis(99)));
            localAll = merge(localAll, l);
            remoteAll = merge(remoteAll, r);
        }
        String label = String.format(
                Locale.ROOT,
                "open loop, %,.0f/s over %d clients, %d x %d s",
                settings.rate(),
                settings.clients(),
                settings.rounds(),
                settings.duration().toSeconds());
        report.add(new LookupBenchReport.Row(label, LOCAL, localAll));
        report.add(new LookupBenchReport.Row(label, REMOTE, remoteAll));
        for (double p : new double[] {50, 90, 99, 99.9}) {
            report.ratio(
                    String.format(Locale.ROOT, "open loop p%s, (b) / (a)", p == 99.9 ? "99.9" : (int) p),
                    remoteAll.latencies().percentileMillis(p)
                            / localAll.latencies().percentileMillis(p));
        }
        report.ratio(
                "open loop max, (b) / (a)",
                remoteAll.latencies().maxMillis() / localAll.latencies().maxMillis());
        for (int p : new int[] {50, 99}) {
            double ours = localAll.latencies().percentileMillis(p);
            double theirs = remoteAll.latencies().percentileMillis(p);
            report.headline(new BenchSummary.Row(
                    "Lookup (paper claim 1)",
                    String.format(
                            Locale.ROOT,
                            "p%d lookup latency, local replica / HTTP to the source service (%,.0f/s, %d clients)",
                            p,
                            settings.rate(),
                            settings.clients()),
                    String.format(Locale.ROOT, "%.2f ms", ours),
                    String.format(Locale.ROOT, "%.2f ms", theirs),
                    String.format(Locale.ROOT, "%.2f", ours / theirs),
                    "< 1",
                    ours < theirs ? "yes" : "no"));
        }
    }

    private void saturated(LookupLoad load, List<ReplicaLookup> local, List<HttpLookup> remote)
            throws InterruptedException {
        log("Closed loop, each side saturated for " + settings.saturated().toSeconds() + " s");
        LookupLoad.Result l = load.closedLoop(local, settings.saturated());
        LookupLoad.Result r = load.closedLoop(remote, settings.saturated());
        String label = "closed loop, " + settings.clients() + " clients, "
                + settings.saturated().toSeconds() + " s";
        report.add(new LookupBenchReport.Row(label, LOCAL, l));
        report.add(new LookupBenchReport.Row(label, REMOTE, r));
        report.ratio("closed loop throughput, (a) / (b)", l.throughput() / r.throughput());
        report.headline(new BenchSummary.Row(
                "Lookup (paper claim 1)",
                "Saturated lookups/s, local replica / HTTP to the source service (" + settings.clients() + " clients)",
                String.format(Locale.ROOT, "%,.0f/s", l.throughput()),
                String.format(Locale.ROOT, "%,.0f/s", r.throughput()),
                String.format(Locale.ROOT, "%.2f", l.throughput() / r.throughput()),
                "> 1",
                l.throughput() > r.throughput() ? "yes" : "no"));
        report.ratio(
                "closed loop p50, (b) / (a)",
                r.latencies().percentileMillis(50) / l.latencies().percentileMillis(50));
        report.ratio(
                "closed loop p99, (b) / (a)",
                r.latencies().percentileMillis(99) / l.latencies().percentileMillis(99));
    }

    /** Both sides must answer alike before their speed means anything: the replica equals the source. */
    private static void assertSameAnswers(LookupLoad load, ReplicaLookup local, HttpLookup remote) throws Exception {
        for (long id : load.sample(200)) {
            PackageView a = local.find(id);
            PackageView b = remote.find(id);
            if (!a.equals(b)) {
                throw new IllegalStateException("Replica and service differ for package " + id + ": " + a + " / " + b);
            }
        }
    }

    private static String answered(LookupLoad.Result result) {
        int answered = result.latencies().count();
        return String.format(Locale.ROOT, "%,d of %,d", answered, answered + result.errors());
    }

    private static LookupLoad.Result merge(LookupLoad.Result all, LookupLoad.Result next) {
        if (all == null) {
            return next;
        }
        Latencies latencies = new Latencies();
        latencies.addAll(all.latencies());
        latencies.addAll(next.latencies());
        return new LookupLoad.Result(
                latencies,
                all.errors() + next.errors(),
                all.firstError() != null ? all.firstError() : next.firstError(),
                all.seconds() + next.seconds(),
                all.unsent() + next.unsent());
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1e7) / 100.0;
    }

    static void log(String message) {
        System.out.println("[lookup-bench] " + message);
    }
}
