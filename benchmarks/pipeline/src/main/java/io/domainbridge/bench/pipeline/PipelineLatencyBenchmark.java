package io.domainbridge.bench.pipeline;

import io.domainbridge.testkit.rig.PostgresDatabase;
import io.domainbridge.testkit.scenarios.ScenarioDriver;
import io.domainbridge.testkit.scenarios.ScenarioSink;
import io.domainbridge.testkit.scenarios.ShippingScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * End-to-end latency of the shipping scenario, from the source transaction's commit to the consumer row being
 * visible: Debezium's PostgreSQL connector on the outbox, CommandEventEnvelope, and CommandSink into each consuming
 * domain, on an embedded broker and Connect worker with the replication path running alongside. First a fixed rate
 * with a warm-up, then a ladder of rising rates until the pipeline or the load generator stops keeping up. Writes a
 * Markdown report, a JSON file of the figures and a PNG chart. Not a test: run it with {@code benchmarks/scripts/run-latency.sh}.
 */
public final class PipelineLatencyBenchmark {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(50);
    private static final int TRIGGER_COST_ROWS = 20_000;
    private static final int PRIME_RATE = 100;
    private static final Duration PRIME_BURST = Duration.ofSeconds(3);
    private static final int PRIME_ATTEMPTS = 12;
    private static final int WARM_ATTEMPTS = 4;

    private PipelineLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "latency.md");
        LatencySettings settings = LatencySettings.fromEnvironment(System.getenv());
        LatencyReport result = new LatencyReport(settings, Provenance.commit());
        result.loadBefore(Provenance.loadAverage());
        long started = System.nanoTime();
        Path pluginPath = Files.createTempDirectory("latency-bench-plugins");
        try (ScenarioDriver driver =
                new ScenarioDriver(new ShippingScenario()).wallClockEvents().log(PipelineLatencyBenchmark::log)) {
            driver.start(pluginPath);
            run(driver, settings, result);
        }
        result.loadAfter(Provenance.loadAverage());
        result.wallSeconds((System.nanoTime() - started) / 1e9);
        result.write(report);
        System.out.println(result.markdown());
        log("Wrote " + report + " and its .json and .png");
        System.exit(0);
    }

    private static void run(ScenarioDriver driver, LatencySettings settings, LatencyReport result) throws Exception {
        List<ScenarioSink> sinks = ScenarioSink.of(driver).stream()
                .filter(ScenarioSink::appliesEvents)
                .toList();
        LatencyLedger ledger = new LatencyLedger(sinks);
        PostgresDatabase probed = driver.databases().of(sinks.get(0).domain());
        try (ArrivalProbe probe = new ArrivalProbe();
                ProbeCalibration calibration = new ProbeCalibration(probed)) {
            for (ScenarioSink sink : sinks) {
                String inbox = driver.configs().get(sink.connector()).getOrDefault("inbox.table", "domainbridge_inbox");
                probe.watch(driver.databases().of(sink.domain()), inbox, ledger::arrived);
            }
            result.sinks(sinks);
            result.triggerCostMicros(calibration.triggerCostMicrosPerRow(TRIGGER_COST_ROWS));
            calibration.start(PROBE_INTERVAL);
            LoadRunner runner = new LoadRunner(driver, ledger, settings.drainLimit(), settings.sourceConnections());
            prime(runner);
            warmUnderLoad(runner, settings);
            log("Fixed rate: " + settings.rate() + " events/s, "
                    + settings.warmUp().toSeconds() + " s warm-up + "
                    + settings.measured().toSeconds() + " s measured");
            StepResult steady = runner.run(settings.rate(), settings.warmUp(), settings.measured(), 1L);
            log(summary(steady));
            result.steady(steady, calibration.delaysMicros());
            result.steps(ladder(runner, settings));
        }
    }

    /**
     * Runs a light load until the whole pipeline is warm: consumer groups joined, classes loaded, every event of a
     * short burst visible within a second of the burst's end.
     */
    private static void prime(LoadRunner runner) throws Exception {
        for (int attempt = 1; attempt <= PRIME_ATTEMPTS; attempt++) {
            StepResult burst = runner.run(PRIME_RATE, Duration.ZERO, PRIME_BURST, attempt);
            log("Priming burst " + attempt + ": " + summary(burst));
            if (burst.drained() && burst.drainSeconds() < 1 && burst.all().count() > 0) {
                runner.baseline(burst.all().at(50));
                return;
            }
        }
        log("The pipeline did not settle while priming; measuring anyway");
    }

    /**
     * Runs steps at half the fixed rate until one keeps up: a cold pipeline (JIT compilation on two cores) builds a
     * queue at a rate it sustains once warm, and that queue would otherwise outlast the fixed-rate run's warm-up.
     */
    private static void warmUnderLoad(LoadRunner runner, LatencySettings settings) throws Exception {
        int rate = settings.rate() / 2;
        for (int attempt = 1; attempt <= WARM_ATTEMPTS; attempt++) {
            StepResult step = runner.run(rate, Duration.ZERO, settings.stepLength(), 2L + attempt);
            log("Warming under load, step " + attempt + ": " + summary(step));
            if (step.keptUp()) {
                return;
            }
        }
        log("The pipeline did not keep up at " + rate + " events/s while warming; measuring anyway");
    }

    private static List<StepResult> ladder(LoadRunner runner, LatencySettings settings) throws Exception {
        List<StepResult> steps = new ArrayList<>();
        for (int rate : settings.steps()) {
            log("Step: " + rate + " events/s for " + settings.stepLength().toSeconds() + " s");
            StepResult step = runner.run(rate, Duration.ZERO, settings.stepLength(), 100L + rate);
            log(summary(step));
            steps.add(step);
            if (!step.sustained()) {
                log("Stopping the ladder: " + step.verdict());
                break;
            }
        }
        return steps;
    }

    private static String summary(StepResult step) {
        return String.format(
                "offered %d/s, achieved %.0f/s, %d samples, p50 %.1f ms, p99 %.1f ms, backlog at end %d,"
                        + " drained in %.2f s: %s",
                step.offeredRate(),
                step.achievedRate(),
                step.all().count(),
                step.all().at(50) / 1000.0,
                step.all().at(99) / 1000.0,
                step.backlogAtEnd(),
                step.drainSeconds(),
                step.verdict());
    }

    private static void log(String message) {
        System.out.println("[latency-bench] " + message);
    }
}
