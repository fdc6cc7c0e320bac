package io.domainbridge.bench.pipeline;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The sink benchmark's figures and settings as a Markdown report. */
final class SinkBenchReport {

    /** Records/s over the whole run, its length, and when the first row landed (connectors only). */
    record Measurement(double recordsPerSecond, double seconds, double firstRowSeconds) {}

    private record Entry(String label, Measurement measurement) {}

    private final int records;
    private final int batchSize;
    private final int columns;
    private final int partitions;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private String loadBefore = "unknown";
    private String loadAfter = "unknown";

    SinkBenchReport(int records, int batchSize, int columns, int partitions) {
        this.records = records;
        this.batchSize = batchSize;
        this.columns = columns;
        this.partitions = partitions;
    }

    void add(String key, String label, Measurement measurement) {
        entries.put(key, new Entry(label, measurement));
    }

    void loadAvgBefore(String load) {
        loadBefore = load;
    }

    void loadAvgAfter(String load) {
        loadAfter = load;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Sink throughput, ").append(LocalDate.now()).append("\n\n");
        md.append("| | Path | records/s | seconds | first row after (s) |\n|---|---|---:|---:|---:|\n");
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Measurement m = e.getValue().measurement();
            md.append(String.format(
                    Locale.ROOT,
                    "| (%s) | %s | %,.0f | %.2f | %s |%n",
                    e.getKey(),
                    e.getValue().label(),
                    m.recordsPerSecond(),
                    m.seconds(),
                    m.firstRowSeconds() > 0 ? String.format(Locale.ROOT, "%.2f", m.firstRowSeconds()) : "-"));
        }
        md.append("\n| Ratio | Value | Target |\n|---|---:|---|\n");
        ratio(md, "a", "b", "(a) / (b)", "at least 2");
        ratio(md, "a", "c", "(a) / (c)", "at least 0.6");
        ratio(md, "a", "c'", "(a) / (c')", "");
        ratio(md, "a", "n", "(a) / (n)", "");
        ratio(md, "b", "n", "(b) / (n)", "");
        md.append("\nSettings: ")
                .append(String.format(Locale.ROOT, "%,d", records))
                .append(" records, ")
                .append(columns)
                .append(" columns (bigint key, 4 varchar, double, int, boolean, bigint, timestamp), batch size ")
                .append(batchSize)
                .append(" (connector `batch.size` and `consumer.override.max.poll.records`), one task, ")
                .append(partitions)
                .append(" partition, JsonConverter with schemas, String keys. Each connector reads the same ")
                .append("pre-loaded topic with a consumer group of its own into a fresh table; its time runs from ")
                .append("the REST call that creates it until `count(*)` (polled every 100 ms) reaches the record ")
                .append("count, so it includes task start and the consumer group join. PostgreSQL 15 on the same ")
                .append("host; one broker and one Connect worker in the benchmark's JVM. (n) is the same pipeline ")
                .append("with no writes but the offsets: consumer, JsonConverter and CommandSink's routing, timed ")
                .append("until the stored offset reaches the record count; no sink on this rig can beat it. ")
                .append("Run order: (c), (c'), (n), (a), (b), all in one JVM, so (n) warms the shared pipeline for ")
                .append("both connectors.\n\n");
        md.append("Load average before/after: ")
                .append(loadBefore)
                .append(" / ")
                .append(loadAfter)
                .append(", ");
        md.append(Provenance.cores()).append(" CPUs.\n");
        return md.toString();
    }

    /** The headline ratios for the one-page report of benchmarks/run.sh. */
    void summarize(Path report) {
        summarize(report, "c", "CommandSink / raw JDBC batch loop", 0.6);
        summarize(report, "b", "CommandSink / Debezium JDBC sink", 2.0);
    }

    private void summarize(Path report, String baseline, String figure, double target) {
        if (!entries.containsKey("a") || !entries.containsKey(baseline)) {
            return;
        }
        double ours = entries.get("a").measurement().recordsPerSecond();
        double theirs = entries.get(baseline).measurement().recordsPerSecond();
        double ratio = ours / theirs;
        BenchSummary.add(
                new BenchSummary.Row(
                        "Sink throughput",
                        figure,
                        String.format(Locale.ROOT, "%,.0f records/s", ours),
                        String.format(Locale.ROOT, "%,.0f records/s", theirs),
                        String.format(Locale.ROOT, "%.2f", ratio),
                        String.format(Locale.ROOT, "≥ %.1f", target),
                        ratio >= target ? "yes" : "no"),
                report);
    }

    private void ratio(StringBuilder md, String numerator, String denominator, String label, String target) {
        if (entries.containsKey(numerator) && entries.containsKey(denominator)) {
            double value = entries.get(numerator).measurement().recordsPerSecond()
                    / entries.get(denominator).measurement().recordsPerSecond();
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %s |%n", label, value, target));
        }
    }
}
