#!/usr/bin/env bash
# Builds the benchmark jar, runs CommandEventEnvelopeBenchmark and writes benchmarks/results/<date>-envelope.md (and the
# raw JMH JSON next to it): ns per record, the error, and CommandEventEnvelope's time as a ratio of Debezium's
# EventRouter time measured in the same run (target: at most 0.2).
#
# Usage: benchmarks/scripts/run-envelope.sh [extra JMH options...]      e.g. benchmarks/scripts/run-envelope.sh -prof gc
# Environment: see benchmarks/scripts/jmh-run.sh; TARGET_RATIO [0.2].
set -euo pipefail

BENCHMARK=CommandEventEnvelopeBenchmark
RESULT_NAME=envelope
target_ratio="${TARGET_RATIO:-0.2}"
source "$(dirname "${BASH_SOURCE[0]}")/jmh-run.sh"

JSON="$json" REPORT="$report" DAY="$day" COMMIT="$commit" JMH_OPTIONS="${jmh_options[*]}" TARGET="$target_ratio" \
    LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" CPUS="$(nproc)" \
    CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs || echo unknown)" \
    python3 - <<'PYTHON'
import json
import math
import os
import sys

sys.path.insert(0, "bench")
import summary

env = os.environ
with open(env["JSON"]) as f:
    runs = json.load(f)

DESCRIPTIONS = {
    "commandEventEnvelopeDeclared": "CommandEventEnvelope, event type declared in data.schemas (10 fields), defaults",
    "commandEventEnvelopeInferred": "CommandEventEnvelope, undeclared.event.behavior=infer",
    "debeziumEventRouter": "Debezium EventRouter 3.6.1, table.expand.json.payload=true",
}
BASELINE = "debeziumEventRouter"
PRIMARY = "commandEventEnvelopeDeclared"



def number(value):
    """JMH writes an undefined error (too few iterations) as the string "NaN"."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


results = {}
jvm = ""
for run in runs:
    name = run["benchmark"].rsplit(".", 1)[1]
    metric = run["primaryMetric"]
    raw = [value for fork in metric.get("rawData", []) for value in fork]
    results[name] = {
        "score": metric["score"],
        "error": number(metric.get("scoreError")),
        "unit": metric["scoreUnit"],
        "min": min(raw) if raw else None,
        "max": max(raw) if raw else None,
        "gc": number(run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")),
    }
    jvm = f'{run.get("jdkVersion", "")} {run.get("vmName", "")}'.strip()


def ns(value):
    return "n/a" if value is None else f"{value:,.0f}"


def ratio_range(name):
    a, b = results[name], results.get(BASELINE)
    if b is None or a["error"] is None or b["error"] is None or b["score"] <= b["error"]:
        return None
    return (a["score"] - a["error"]) / (b["score"] + b["error"]), (a["score"] + a["error"]) / (b["score"] - b["error"])


def ratio(name):
    base = results.get(BASELINE)
    return None if base is None else results[name]["score"] / base["score"]


lines = [
    f'# CommandEventEnvelope vs Debezium EventRouter, {env["DAY"]}',
    "",
    "Identical Debezium PostgreSQL outbox change events (op `c`, standard outbox columns, `occurred_at` as",
    "`ZonedTimestamp` text, payload as `io.debezium.data.Json` text with 10 fields: integers, strings, a decimal, a",
    "boolean, an ISO timestamp and a nested object), one record per operation, cycling through 1024 distinct",
    "pre-built records. Each transform emits a record routed to a topic per aggregate type, keyed by aggregate id, with",
    "the payload as a struct. EventRouter adds an `id` header to its input record; the benchmark removes it after",
    "each call, so that every pass sees the same input. Only ratios from this one run are meaningful: other builds",
    "shared the 2 cores.",
    "",
    "| Benchmark | Configuration | ns/record | ± error (99.9%) | min–max of iterations | vs EventRouter |",
    "|---|---|---:|---:|---:|---:|",
]
for name in sorted(results, key=lambda n: (n == BASELINE, n)):
    r = results[name]
    rel = ratio(name)
    lines.append(
        f'| `{name}` | {DESCRIPTIONS.get(name, "")} | {ns(r["score"])} | {ns(r["error"])} '
        f'| {ns(r["min"])}–{ns(r["max"])} | {"n/a" if rel is None else f"{rel:.3f}"} |'
    )
if any(r["gc"] is not None for r in results.values()):
    lines += ["", "| Benchmark | bytes allocated/record |", "|---|---:|"]
    lines += [f'| `{n}` | {ns(r["gc"])} |' for n, r in results.items() if r["gc"] is not None]

target = float(env["TARGET"])
lines += ["", "## Ratio", ""]
if PRIMARY in results and BASELINE in results:
    primary = ratio(PRIMARY)
    verdict = "met" if primary <= target else "missed"
    bounds = ratio_range(PRIMARY)
    within = "" if bounds is None else f" (from the errors: {bounds[0]:.3f} to {bounds[1]:.3f})"
    lines.append(
        f"CommandEventEnvelope (declared) / EventRouter = **{primary:.3f}**{within}; target at most {target}: "
        f"**{verdict}**."
    )
    summary.add(
        "Outbox envelope (JMH)",
        "CommandEventEnvelope / Debezium EventRouter",
        f'{results[PRIMARY]["score"]:,.0f} ns/record',
        f'{results[BASELINE]["score"]:,.0f} ns/record',
        f"{primary:.2f}",
        f"≤ {target}",
        "yes" if verdict == "met" else "no",
        env["REPORT"],
    )
    if "commandEventEnvelopeInferred" in results:
        lines.append(
            f'With inference (`undeclared.event.behavior=infer`): {ratio("commandEventEnvelopeInferred"):.3f} of'
            f' EventRouter, {results["commandEventEnvelopeInferred"]["score"] / results[PRIMARY]["score"]:.2f}x'
            " the declared case."
        )
else:
    lines.append("Not computed: the run lacks the declared CommandEventEnvelope or the EventRouter benchmark.")

lines += [
    "",
    "## Run",
    "",
    f'- Commit: {env["COMMIT"]}',
    f'- JMH options: `{env["JMH_OPTIONS"]}`; mode average time, `@Fork(1)`',
    f"- JVM: {jvm}",
    f'- CPU: {env["CPU_MODEL"]}, {env["CPUS"]} cores; load average before {env["LOAD_BEFORE"]}, after'
    f' {env["LOAD_AFTER"]}',
    f'- Raw JMH output: `{os.path.basename(env["JSON"])}`',
    "- Reproduce: `benchmarks/scripts/run-envelope.sh` (options after the script name go to JMH, e.g. `-prof gc`)",
    "",
]
with open(env["REPORT"], "w") as f:
    f.write("\n".join(lines))
PYTHON
echo "Wrote $report"
