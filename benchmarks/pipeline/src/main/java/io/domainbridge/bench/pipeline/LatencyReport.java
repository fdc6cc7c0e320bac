package io.domainbridge.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.domainbridge.testkit.scenarios.Percentiles;
import io.domainbridge.testkit.scenarios.ScenarioSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The latency benchmark's figures, settings and machine as a Markdown report, a JSON file and a chart. */
final class LatencyReport {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    private final LatencySettings settings;
    private final String commit;
    private final Map<String, Object> machine = new LinkedHashMap<>();
    private List<ScenarioSink> sinks = List.of();
    private StepResult steady;
    private Percentiles probeDelays;
    private double triggerCostMicros;
    private List<StepResult> steps = List.of();

    LatencyReport(LatencySettings settings, String commit) {
        this.settings = settings;
        this.commit = commit;
        machine.put("cores", Provenance.cores());
        machine.put("cpu", Provenance.cpuModel());
    }

    void loadBefore(String load) {
        machine.put("loadBefore", load);
    }

    void loadAfter(String load) {
        machine.put("loadAfter", load);
    }

    void wallSeconds(double seconds) {
        machine.put("runSeconds", Math.round(seconds));
    }

    void sinks(List<ScenarioSink> sinks) {
        this.sinks = sinks;
    }

    void triggerCostMicros(double micros) {
        triggerCostMicros = micros;
    }

    void steady(StepResult steady, Percentiles probeDelays) {
        this.steady = steady;
        this.probeDelays = probeDelays;
    }

    void steps(List<StepResult> steps) {
        this.steps = steps;
    }

    /** Writes the report to {@code markdown}, and the JSON and PNG next to it under the same name. */
    void write(Path markdown) throws IOException {
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, markdown());
        String base = markdown.getFileName().toString().replaceAll("\\.md$", "");
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(markdown.resolveSibling(base + ".json").toFile(), LatencyJson.of(this));
        LatencyChart.write(markdown.resolveSibling(base + ".png"), steady, steps, settings);
        summarize(markdown);
    }

    /** The headline figures for the one-page report of benchmarks/run.sh. */
    private void summarize(Path report) {
        String area = "End-to-end latency";
        if (steady != null) {
            BenchSummary.add(
                    new BenchSummary.Row(
                            area,
                            String.format(
                                    Locale.ROOT,
                                    "Source commit to consumer row at %,d events/s offered (%,.0f achieved): p50 / p99",
                                    steady.offeredRate(),
                                    steady.achievedRate()),
                            String.format(
                                    Locale.ROOT,
                                    "%,.0f / %,.0f ms",
                                    steady.all().at(50) / 1e3,
                                    steady.all().at(99) / 1e3),
                            String.format(Locale.ROOT, "light-load p50 %,.0f ms", steady.baselineP50() / 1e3),
                            steady.baselineP50() > 0
                                    ? String.format(
                                            Locale.ROOT,
                                            "%.2f (p50)",
                                            (double) steady.all().at(50) / steady.baselineP50())
                                    : "n/a",
                            "",
                            steady.verdict()),
                    report);
        }
        if (!steps.isEmpty()) {
            BenchSummary.add(
                    new BenchSummary.Row(
                            area,
                            "Highest sustained rate of the rising steps",
                            LatencyLadderTable.highestSustained(steps)
                                    .map(step -> String.format(Locale.ROOT, "%,d events/s", step.offeredRate()))
                                    .orElse("none"),
                            "",
                            "n/a",
                            "",
                            steps.get(steps.size() - 1).verdict()),
                    report);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# End-to-end latency, ").append(LocalDate.now()).append("\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Shipping scenario at a fixed %,d events/s offered (%,.0f achieved), %d s measured after a %d s"
                        + " warm-up; latency from the source commit to the consumer row being visible, in ms:%n%n",
                steady.offeredRate(),
                steady.achievedRate(),
                settings.measured().toSeconds(),
                settings.warmUp().toSeconds()));
        if (steady.driverLimited()) {
            md.append(String.format(
                    Locale.ROOT,
                    "**The load generator fell short of the offered rate: %,.0f events/s achieved.**%n%n",
                    steady.achievedRate()));
        }
        md.append("| Consumer | Events it applies | Events measured | p50 | p90 | p99 | p99.9 | max |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (ScenarioSink sink : sinks) {
            row(
                    md,
                    sink.consumer(),
                    String.join(", ", sink.eventTypes()),
                    steady.byConsumer().get(sink.consumer()));
        }
        row(md, "**all event consumers**", "(event, consumer) pairs", steady.all());
        md.append(String.format(
                Locale.ROOT,
                "%nWhen the load stopped, %,d (event, consumer) pairs were in flight; %s. Median latency of the"
                        + " first and last third of the window: %.1f and %.1f ms, so the consumers %s.%n",
                steady.backlogAtEnd(),
                steady.drained()
                        ? String.format(Locale.ROOT, "they were visible %.2f s later", steady.drainSeconds())
                        : "not all were visible " + settings.drainLimit().toSeconds() + " s later",
                steady.firstThirdP50() / 1000.0,
                steady.lastThirdP50() / 1000.0,
                steady.keptUp()
                        ? "kept up"
                        : "did not keep up (" + steady.verdict().replaceAll(".*\\((.*)\\)", "$1") + ")"));
        LatencyLadderTable.append(md, steps, settings);
        md.append("\n![Latency at the fixed rate and against the offered rate](")
                .append(LocalDate.now())
                .append("-latency.png)\n\n");
        LatencyMethod.append(md, this);
        return md.toString();
    }

    private static void row(StringBuilder md, String consumer, String types, Percentiles latencies) {
        if (latencies == null) {
            return;
        }
        md.append(String.format(Locale.ROOT, "| %s | %s | %,d |", consumer, types, latencies.count()));
        for (double p : PERCENTILES) {
            md.append(String.format(Locale.ROOT, " %.1f |", latencies.at(p) / 1000.0));
        }
        md.append(String.format(Locale.ROOT, " %.1f |%n", latencies.max() / 1000.0));
    }

    LatencySettings settings() {
        return settings;
    }

    String commit() {
        return commit;
    }

    Map<String, Object> machine() {
        return machine;
    }

    StepResult steady() {
        return steady;
    }

    List<StepResult> steps() {
        return steps;
    }

    Percentiles probeDelays() {
        return probeDelays;
    }

    double triggerCostMicros() {
        return triggerCostMicros;
    }
}
