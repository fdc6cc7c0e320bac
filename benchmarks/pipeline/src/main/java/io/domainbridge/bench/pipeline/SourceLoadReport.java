package io.domainbridge.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** The source-load benchmark's figures as a Markdown report (polling next to CDC, with ratios) and as JSON. */
final class SourceLoadReport {

    private final SourceLoadSettings settings;
    private final List<SourceLoadRun> runs = new ArrayList<>();
    private String loadBefore = "unknown";
    private String loadAfter = "unknown";

    SourceLoadReport(SourceLoadSettings settings) {
        this.settings = settings;
    }

    void add(SourceLoadRun run) {
        runs.add(run);
    }

    /**
     * The headline figures for the one-page report of benchmarks/run.sh: per polling run, log-based capture's backend
     * CPU, statements and missed changes next to the poller's.
     */
    void summarize(Path report) {
        SourceLoadRun cdc = runs.get(0);
        for (SourceLoadRun polling : runs.subList(1, runs.size())) {
            String area = "Source load (paper claim 2)";
            BenchSummary.add(
                    new BenchSummary.Row(
                            area,
                            "Source DB backend CPU: log-based CDC / " + polling.label(),
                            String.format(Locale.ROOT, "%,d ms", cdc.extractorCpuMillis()),
                            String.format(Locale.ROOT, "%,d ms", polling.extractorCpuMillis()),
                            String.format(
                                    Locale.ROOT,
                                    "%.2f",
                                    (double) cdc.extractorCpuMillis() / Math.max(1, polling.extractorCpuMillis())),
                            "",
                            ""),
                    report);
            BenchSummary.add(
                    new BenchSummary.Row(
                            area,
                            "SQL statements and changes missed: log-based CDC / " + polling.label(),
                            String.format(Locale.ROOT, "0 statements, %,d missed", cdc.changesMissed()),
                            String.format(
                                    Locale.ROOT,
                                    "%,d statements, %,d of %,d missed",
                                    polling.statements() == null ? 0 : polling.statements(),
                                    polling.changesMissed(),
                                    polling.workload().changes().changes()),
                            "n/a",
                            "",
                            ""),
                    report);
        }
    }

    void loadBefore(String load) {
        loadBefore = load;
    }

    void loadAfter(String load) {
        loadAfter = load;
    }

    /** One line of the table: a figure per run, and per polling run its ratio to the log-based run. */
    private record Figure(String label, ToDoubleFunction<SourceLoadRun> value, String format, boolean ratio) {}

    private static List<Figure> figures() {
        return List.of(
                new Figure(
                        "Changes committed (inserts / updates / deletes)",
                        r -> r.workload().changes().changes(),
                        "%,.0f",
                        false),
                new Figure(
                        "Change records delivered by the extractor",
                        r -> r.captured().records(),
                        "%,.0f",
                        true),
                new Figure(
                        "Row versions captured (of inserts + updates)",
                        r -> r.captured().versions(),
                        "%,.0f",
                        true),
                new Figure("Deletes captured", r -> r.captured().deletes(), "%,.0f", true),
                new Figure("Changes missed", SourceLoadRun::changesMissed, "%,.0f", false),
                new Figure(
                        "... row versions overwritten before a poll saw them",
                        SourceLoadRun::versionsMissed,
                        "%,.0f",
                        false),
                new Figure("... deletes", SourceLoadRun::deletesMissed, "%,.0f", false),
                new Figure(
                        "SQL statements the extractor ran (harness count)",
                        r -> r.statements() == null ? 0 : r.statements(),
                        "%,.0f",
                        true),
                new Figure(
                        "Transactions committed on the source database besides the writer's and the harness's"
                                + " (autovacuum's visits to the database included)",
                        SourceLoadRun::extractorTransactions,
                        "%,.0f",
                        true),
                new Figure(
                        "Transactions rolled back (the walsender's catalog access while decoding)",
                        r -> r.stats().get("xact_rollback"),
                        "%,.0f",
                        false),
                new Figure(
                        "Index scans of `(updated_at, id)` (only the extractor uses it; planner probes included)",
                        r -> r.stats().get("poll_index_scan"),
                        "%,.0f",
                        true),
                new Figure(
                        "Rows fetched through it (`idx_tup_fetch`)",
                        r -> r.stats().get("poll_index_tup_fetch"),
                        "%,.0f",
                        true),
                new Figure(
                        "Table `seq_tup_read` + `idx_tup_fetch`, all backends (writer included)",
                        r -> r.stats().get("seq_tup_read") + r.stats().get("idx_tup_fetch"),
                        "%,.0f",
                        true),
                new Figure(
                        "Heap + index blocks accessed on the table, all backends",
                        r -> r.stats().get("heap_blocks") + r.stats().get("index_blocks"),
                        "%,.0f",
                        true),
                new Figure(
                        "**CPU time of the extractor's backends (ms)**",
                        SourceLoadRun::extractorCpuMillis,
                        "%,.0f",
                        true),
                new Figure(
                        "... as a share of the writer's own backend CPU",
                        r -> 100.0
                                * r.extractorCpuMillis()
                                / Math.max(1, r.workload().backendCpuMillis()),
                        "%.1f %%",
                        true),
                new Figure(
                        "CPU time of the writer's backend (ms)",
                        r -> r.workload().backendCpuMillis(),
                        "%,.0f",
                        false),
                new Figure(
                        "Transactions decoded by the replication slot",
                        r -> r.stats().get("slot_txns"),
                        "%,.0f",
                        false),
                new Figure(
                        "Bytes decoded by the replication slot", r -> r.stats().get("slot_bytes"), "%,.0f", false),
                new Figure(
                        "WAL written by the whole server during the run (MB)",
                        r -> r.stats().get("wal_bytes") / 1e6,
                        "%,.1f",
                        false),
                new Figure(
                        "WAL written by the whole server per second of the write window (MB/s)",
                        r -> r.stats().get("wal_bytes") / 1e6 / r.workload().seconds(),
                        "%,.2f",
                        false),
                new Figure(
                        "Idle, no change to the table: extractor backends' CPU (ms/s)",
                        r -> r.idle() == null
                                ? Double.NaN
                                : r.idle().cpuMillis() / r.idle().seconds(),
                        "%,.1f",
                        false),
                new Figure(
                        "Idle: WAL written by the whole server, all of which the walsender reads (MB/s)",
                        r -> r.idle() == null
                                ? Double.NaN
                                : r.idle().walBytes() / 1e6 / r.idle().seconds(),
                        "%,.2f",
                        false),
                new Figure("Capture lag p50 (ms)", r -> r.captured().lag().percentileMillis(50), "%,.1f", true),
                new Figure("Capture lag p99 (ms)", r -> r.captured().lag().percentileMillis(99), "%,.1f", true),
                new Figure("Capture lag max (ms)", r -> r.captured().lag().maxMillis(), "%,.1f", true));
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Load on the source database: log-based CDC vs query-based polling, ")
                .append(LocalDate.now())
                .append("\n\n")
                .append(setup())
                .append("\n\n")
                .append(Provenance.markdown(loadBefore, loadAfter))
                .append("\n");
        SourceLoadRun cdc = runs.get(0);
        List<SourceLoadRun> polls = runs.subList(1, runs.size());
        md.append("| Figure | (").append(cdc.key()).append(") ").append(cdc.label());
        polls.forEach(p -> md.append(" | (").append(p.key()).append(") ").append(p.label()));
        polls.forEach(p -> md.append(" | (")
                .append(p.key())
                .append(") / (")
                .append(cdc.key())
                .append(")"));
        md.append(" |\n|---").append("|---:".repeat(runs.size() + polls.size())).append("|\n");
        for (Figure figure : figures()) {
            md.append("| ").append(figure.label());
            runs.forEach(r -> md.append(" | ").append(format(figure, r)));
            for (SourceLoadRun p : polls) {
                md.append(" | ")
                        .append(
                                figure.ratio()
                                        ? ratio(
                                                figure.value().applyAsDouble(p),
                                                figure.value().applyAsDouble(cdc))
                                        : "");
            }
            md.append(" |\n");
        }
        md.append("\nWrite mix per run: ")
                .append(runs.stream()
                        .map(r -> "(" + r.key() + ") " + r.workload().changes().inserts() + " / "
                                + r.workload().changes().updates() + " / "
                                + r.workload().changes().deletes())
                        .collect(Collectors.joining(", ")))
                .append(" inserts / updates / deletes. Backends counted as the extractor's: ")
                .append(runs.stream()
                        .map(r -> "(" + r.key() + ") " + r.backends())
                        .collect(Collectors.joining("; ")))
                .append(".\n");
        return md.toString();
    }

    /** The figure of one run, or "-" where it does not apply. */
    private static String format(Figure figure, SourceLoadRun run) {
        double value = figure.value().applyAsDouble(run);
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, figure.format(), value);
    }

    private static String ratio(double numerator, double denominator) {
        if (denominator == 0) {
            return numerator == 0 ? "-" : "(CDC: 0)";
        }
        return String.format(Locale.ROOT, "%.2f", numerator / denominator);
    }

    private String setup() {
        String intervals =
                settings.pollIntervals().stream().map(d -> d.toMillis() + " ms").collect(Collectors.joining(" and "));
        return String.format(
                Locale.ROOT,
                "One PostgreSQL database; the table `%s` (bigint key, customer, status, numeric amount, an 80-byte"
                        + " note, a version counter and `updated_at timestamptz`, with an index on `(updated_at, id)`)"
                        + " is made afresh with %,d rows and vacuumed before each run. The writer commits %d changes/s"
                        + " for %d s, one autocommit statement each: 20%% inserts, 70%% updates of one of the newest"
                        + " %,d ids (each sets `updated_at = now()` and increments `version`), 10%% deletes of any row;"
                        + " the same seed gives every run the same changes. (c) Debezium's PostgreSQL connector 3.6.1"
                        + " (pgoutput, a publication for the table only, `snapshot.mode=no_data`, JsonConverter"
                        + " without schemas) on an embedded Connect worker, from the moment its slot is active; the"
                        + " window starts %d s later so that its startup statistics are flushed. Polling: a"
                        + " timestamp+incrementing extractor as a JDBC source connector runs it, one connection,"
                        + " `%s` with N = %,d, repeated at once while a poll returns N rows, every %s, starting after"
                        + " the newest row. Each run's window ends when the extractor has every change it will get"
                        + " (Debezium: all events on the topic; polling: an empty poll started after the last write)."
                        + " Server figures are deltas of `pg_stat_database`, `pg_stat_user_tables`/`_indexes`,"
                        + " `pg_statio_user_tables` and `pg_stat_replication_slots` over the window; CPU time is"
                        + " utime + stime from `/proc/<pid>/stat` of every backend on the source database other than"
                        + " the writer's and the harness's (10 ms resolution). Capture lag runs from the writer's"
                        + " commit (wall clock after the statement returned) until the extractor had the change:"
                        + " Debezium's `ts_us` (when the connector processed the event), or when the poll returned"
                        + " the row. Index scans include the planner's probes of the index for the current highest"
                        + " `updated_at` (each custom plan of the poll query makes one, as the parameter lies beyond"
                        + " the column's histogram); autovacuum is off for the table. The idle cost of"
                        + " log-based capture is measured in the last %d s of the settle time, with the connector"
                        + " streaming and no change to the table.",
                OrdersTable.TABLE,
                settings.rows(),
                settings.rate(),
                settings.duration().toSeconds(),
                settings.hotRows(),
                settings.settle().toSeconds(),
                PollingExtractor.QUERY.replace("select " + OrdersTable.COLUMNS, "select *"),
                settings.batchSize(),
                intervals,
                Math.max(0, settings.settle().toSeconds() - 3));
    }

    void writeJson(Path file) throws IOException {
        Map<String, Object> json = Provenance.json(loadBefore, loadAfter);
        List<Map<String, Object>> list = new ArrayList<>();
        for (SourceLoadRun run : runs) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("key", run.key());
            r.put("label", run.label());
            for (Figure figure : figures()) {
                double value = figure.value().applyAsDouble(run);
                if (!Double.isNaN(value)) {
                    r.put(figure.label().replace("*", ""), value);
                }
            }
            r.put("serverStatsDelta", run.stats());
            r.put("backends", run.backends());
            list.add(r);
        }
        json.put("runs", list);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
