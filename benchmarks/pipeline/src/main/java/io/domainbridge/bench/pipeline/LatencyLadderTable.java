package io.domainbridge.bench.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The rising-rate part of the latency report: one row per step and the highest rate sustained. */
final class LatencyLadderTable {

    private LatencyLadderTable() {}

    static void append(StringBuilder md, List<StepResult> steps, LatencySettings settings) {
        md.append(String.format(
                Locale.ROOT,
                "%nRising rate, %d s per step, one step after the other on the same stack (latencies in ms):%n%n",
                settings.stepLength().toSeconds()));
        md.append("| Offered events/s | Achieved events/s | Events | p50 | p99 | p50 first third | p50 last third"
                + " | In flight at end | Drained after (s) | Verdict |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (StepResult step : steps) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %,d | %,.0f | %,d | %.1f | %.1f | %.1f | %.1f | %,d | %s | %s |%n",
                    step.offeredRate(),
                    step.achievedRate(),
                    step.events(),
                    step.all().at(50) / 1000.0,
                    step.all().at(99) / 1000.0,
                    step.firstThirdP50() / 1000.0,
                    step.lastThirdP50() / 1000.0,
                    step.backlogAtEnd(),
                    step.drained()
                            ? String.format(Locale.ROOT, "%.2f", step.drainSeconds())
                            : "> " + settings.drainLimit().toSeconds(),
                    step.verdict()));
        }
        md.append("\n").append(conclusion(steps, settings)).append("\n");
    }

    /** The last (highest) step that was sustained. */
    static Optional<StepResult> highestSustained(List<StepResult> steps) {
        StepResult best = null;
        for (StepResult step : steps) {
            if (step.sustained()) {
                best = step;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The highest sustained step and what stopped the ladder. */
    static String conclusion(List<StepResult> steps, LatencySettings settings) {
        StepResult best = highestSustained(steps).orElse(null);
        String highest = best == null
                ? "**No step was sustained.**"
                : String.format(Locale.ROOT, "**Highest sustained rate: %,d events/s.**", best.offeredRate());
        StepResult last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last == null || last.sustained()) {
            return highest + " Every step was sustained; the ladder ended at its top, so the limit is higher.";
        }
        if (last.keptUp()) {
            return highest
                    + String.format(
                            Locale.ROOT,
                            " At %,d events/s offered the load generator (%d JDBC connection(s), one transaction per"
                                    + " command, each commit waiting for its WAL flush) reached only %,.0f events/s"
                                    + " while the consumers kept up: the generator, not the pipeline, is the limit"
                                    + " here.",
                            last.offeredRate(),
                            settings.sourceConnections(),
                            last.achievedRate());
        }
        return highest
                + String.format(
                        Locale.ROOT,
                        " At %,d events/s offered (%,.0f achieved) the pipeline fell behind: %s.",
                        last.offeredRate(),
                        last.achievedRate(),
                        last.verdict().replaceAll("^not sustained \\((.*)\\)$", "$1"));
    }
}
