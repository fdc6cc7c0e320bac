package io.domainbridge.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The lookup benchmark's figures as a Markdown report, with the raw figures as JSON next to it. */
final class LookupBenchReport {

    private static final double[] PERCENTILES = {50, 90, 99, 99.9};

    /** One measured phase: which load, which lookup, and its result. */
    record Row(String load, String lookup, LookupLoad.Result result) {}

    private final String setup;
    private final List<Row> rows = new ArrayList<>();
    private final List<Row> rounds = new ArrayList<>();
    private final List<Row> availability = new ArrayList<>();
    private final List<String[]> ratios = new ArrayList<>();
    private final List<BenchSummary.Row> headlines = new ArrayList<>();
    private String loadBefore = "unknown";
    private String loadAfter = "unknown";

    LookupBenchReport(String setup) {
        this.setup = setup;
    }

    void loadBefore(String load) {
        loadBefore = load;
    }

    void loadAfter(String load) {
        loadAfter = load;
    }

    void add(Row row) {
        rows.add(row);
    }

    void round(Row row) {
        rounds.add(row);
    }

    void availability(Row row) {
        availability.add(row);
    }

    /** A key figure for the one-page report of benchmarks/run.sh. */
    void headline(BenchSummary.Row row) {
        headlines.add(row);
    }

    /** Adds the key figures to the one-page report of benchmarks/run.sh. */
    void summarize(Path report) {
        headlines.forEach(row -> BenchSummary.add(row, report));
    }

    /** A ratio of remote to local (or local to remote, as labelled) from the same run. */
    void ratio(String label, double value) {
        ratios.add(new String[] {label, String.format(Locale.ROOT, "%.2f", value)});
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Lookup latency: local replica vs synchronous HTTP call, ")
                .append(LocalDate.now())
                .append("\n\n")
                .append(setup)
                .append("\n\n")
                .append(Provenance.markdown(loadBefore, loadAfter))
                .append("\n| Load | Lookup | ok | errors | not sent | lookups/s | p50 ms | p90 ms | p99 ms"
                        + " | p99.9 ms | max ms |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.forEach(row -> latencyLine(md, row));
        md.append("\n| Ratio (same run) | Value |\n|---|---:|\n");
        ratios.forEach(
                r -> md.append("| ").append(r[0]).append(" | ").append(r[1]).append(" |\n"));
        md.append(
                        "\nEach open-loop round on its own (the order alternates, so drift in the machine's load hits both):\n\n")
                .append(
                        "| Round | Lookup | ok | errors | p50 ms | p99 ms | max ms |\n|---|---|---:|---:|---:|---:|---:|\n");
        for (Row row : rounds) {
            LookupLoad.Result r = row.result();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %,d | %,d | %.3f | %.3f | %.2f |%n",
                    row.load(),
                    row.lookup(),
                    r.ok(),
                    r.errors(),
                    r.latencies().percentileMillis(50),
                    r.latencies().percentileMillis(99),
                    r.latencies().maxMillis()));
        }
        if (!availability.isEmpty()) {
            md.append("\nAvailability: the same open-loop load after Logistics' service was stopped:\n\n")
                    .append("| Lookup | ok | errors | first error |\n|---|---:|---:|---|\n");
            for (Row row : availability) {
                LookupLoad.Result r = row.result();
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %,d | %s |%n",
                        row.lookup(),
                        r.ok(),
                        r.errors(),
                        r.firstError() == null ? "-" : "`" + r.firstError().replace('|', '/') + "`"));
            }
        }
        return md.toString();
    }

    private static void latencyLine(StringBuilder md, Row row) {
        LookupLoad.Result r = row.result();
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %,d | %,d | %,d | %,.0f | %.3f | %.3f | %.3f | %.3f | %.2f |%n",
                row.load(),
                row.lookup(),
                r.ok(),
                r.errors(),
                r.unsent(),
                r.throughput(),
                r.latencies().percentileMillis(50),
                r.latencies().percentileMillis(90),
                r.latencies().percentileMillis(99),
                r.latencies().percentileMillis(99.9),
                r.latencies().maxMillis()));
    }

    void writeJson(Path file) throws IOException {
        Map<String, Object> json = Provenance.json(loadBefore, loadAfter);
        json.put("phases", rows.stream().map(LookupBenchReport::json).toList());
        json.put("rounds", rounds.stream().map(LookupBenchReport::json).toList());
        json.put(
                "availability",
                availability.stream().map(LookupBenchReport::json).toList());
        Map<String, String> ratioValues = new LinkedHashMap<>();
        ratios.forEach(r -> ratioValues.put(r[0], r[1]));
        json.put("ratios", ratioValues);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }

    private static Map<String, Object> json(Row row) {
        LookupLoad.Result r = row.result();
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("load", row.load());
        phase.put("lookup", row.lookup());
        phase.put("ok", r.ok());
        phase.put("errors", r.errors());
        phase.put("firstError", r.firstError());
        phase.put("notSent", r.unsent());
        phase.put("seconds", r.seconds());
        phase.put("throughputPerSecond", r.throughput());
        for (double p : PERCENTILES) {
            phase.put(
                    "p" + (p == Math.rint(p) ? Integer.toString((int) p) : Double.toString(p)) + "Ms",
                    r.latencies().percentileMillis(p));
        }
        phase.put("maxMs", r.latencies().maxMillis());
        return phase;
    }

    static void write(Path report, String text) throws IOException {
        Path parent = report.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(report, text);
    }
}
