#!/usr/bin/env bash
# Builds the benchmark jar, runs CloudEventsConverterBenchmark and writes benchmarks/results/<date>-converter.md (and the
# raw JMH JSON next to it): serialize and deserialize ns per record and bytes per record (value plus headers) of
# CloudEventsConverter with JSON and with Avro data, each as a ratio of Kafka's JsonConverter measured in the same run
# (target for the Avro path: at most 0.3 of JsonConverter's time, and fewer bytes).
#
# Usage: benchmarks/scripts/run-converter.sh [extra JMH options...]
# Environment: see benchmarks/scripts/jmh-run.sh; TARGET_RATIO [0.3].
set -euo pipefail

BENCHMARK=CloudEventsConverterBenchmark
RESULT_NAME=converter
target_ratio="${TARGET_RATIO:-0.3}"
source "$(dirname "${BASH_SOURCE[0]}")/jmh-run.sh"

bytes="$(java -cp benchmarks/jmh/target/benchmarks.jar io.domainbridge.bench.CloudEventsConverterBenchmark)"

JSON="$json" REPORT="$report" DAY="$day" COMMIT="$commit" JMH_OPTIONS="${jmh_options[*]}" TARGET="$target_ratio" \
    BYTES="$bytes" LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" CPUS="$(nproc)" \
    CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs || echo unknown)" \
    python3 - <<'PYTHON'
import json
import math
import os
import sys

sys.path.insert(0, "bench")
import summary

env = os.environ
BASELINE = "jsonconverter"
DESCRIPTIONS = {
    "cloudevents-avro": "CloudEventsConverter, binary mode, Avro single-object encoding (no registry)",
    "cloudevents-json": "CloudEventsConverter, binary mode, JSON data, Connect schema in a header",
    "jsonconverter": "Kafka's JsonConverter, `schemas.enable=true` (the baseline)",
}


def number(value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


with open(env["JSON"]) as f:
    runs = json.load(f)
scores = {}
jvm = ""
for run in runs:
    operation = run["benchmark"].rsplit(".", 1)[1]
    converter = run["params"]["converter"]
    metric = run["primaryMetric"]
    scores.setdefault(converter, {})[operation] = (metric["score"], number(metric.get("scoreError")))
    jvm = f'{run.get("jdkVersion", "")} {run.get("vmName", "")}'.strip()

sizes = {}
for line in env["BYTES"].splitlines():
    name, *fields = line.split()
    sizes[name] = {key: int(value) for key, value in (field.split("=") for field in fields)}


def fmt(score_error):
    score, error = score_error
    return f"{score:,.0f}" + ("" if error is None else f" ± {error:,.0f}")


def total(name):
    return sum(score for score, _ in scores[name].values())


lines = [
    f'# CloudEventsConverter vs JsonConverter, {env["DAY"]}',
    "",
    "One event envelope (`io.domainbridge.EventEnvelope`, 13 attributes set) with a 10-field payload (strings,",
    "int32, int64, float64, decimal, timestamp, boolean, optional string), serialized and deserialized by each",
    "converter; bytes count the record value plus every header key and value the converter writes. Only ratios from",
    "this one run are meaningful.",
    "",
    "| Converter | serialize ns/record | deserialize ns/record | total ns/record | time vs JsonConverter"
    " | bytes/record (value + headers) | bytes vs JsonConverter |",
    "|---|---:|---:|---:|---:|---:|---:|",
]
for name in sorted(scores, key=lambda n: (n == BASELINE, n)):
    ops = scores[name]
    size = sizes.get(name, {})
    time_ratio = total(name) / total(BASELINE) if BASELINE in scores else None
    byte_ratio = size["total"] / sizes[BASELINE]["total"] if size and BASELINE in sizes else None
    lines.append(
        f"| {DESCRIPTIONS.get(name, name)} | {fmt(ops['serialize'])} | {fmt(ops['deserialize'])}"
        f" | {total(name):,.0f} | {'n/a' if time_ratio is None else f'{time_ratio:.2f}'}"
        f" | {size.get('total', 'n/a')} ({size.get('value', '?')} + {size.get('headers', '?')})"
        f" | {'n/a' if byte_ratio is None else f'{byte_ratio:.2f}'} |"
    )

target = float(env["TARGET"])
lines += ["", "## Ratio", ""]
if "cloudevents-avro" in scores and BASELINE in scores:
    time_ratio = total("cloudevents-avro") / total(BASELINE)
    byte_ratio = sizes["cloudevents-avro"]["total"] / sizes[BASELINE]["total"]
    met = time_ratio <= target and byte_ratio < 1
    lines.append(
        f"Avro path / JsonConverter: **{time_ratio:.2f}** of the time and **{byte_ratio:.2f}** of the bytes;"
        f" target at most {target} of the time and fewer bytes: **{'met' if met else 'missed'}**."
    )
    summary.add(
        "Converter (JMH)",
        "CloudEventsConverter (Avro data) / JsonConverter, serialize + deserialize",
        f"{total('cloudevents-avro'):,.0f} ns, {sizes['cloudevents-avro']['total']} bytes",
        f"{total(BASELINE):,.0f} ns, {sizes[BASELINE]['total']} bytes",
        f"{time_ratio:.2f} (time), {byte_ratio:.2f} (bytes)",
        f"≤ {target} (time), < 1 (bytes)",
        "yes" if met else "no",
        env["REPORT"],
    )
    if "cloudevents-json" in scores:
        json_ratio = total("cloudevents-json") / total(BASELINE)
        summary.add(
            "Converter (JMH)",
            "CloudEventsConverter (JSON data) / JsonConverter, serialize + deserialize",
            f"{total('cloudevents-json'):,.0f} ns",
            f"{total(BASELINE):,.0f} ns",
            f"{json_ratio:.2f}",
            "",
            "",
            env["REPORT"],
        )
else:
    lines.append("Not computed: the run lacks the Avro converter or the JsonConverter baseline.")

lines += [
    "",
    "## Run",
    "",
    f'- Commit: {env["COMMIT"]}',
    f'- JMH options: `{env["JMH_OPTIONS"]}`; mode average time',
    f"- JVM: {jvm}",
    f'- CPU: {env["CPU_MODEL"]}, {env["CPUS"]} cores; load average before {env["LOAD_BEFORE"]}, after'
    f' {env["LOAD_AFTER"]}',
    f'- Raw JMH output: `{os.path.basename(env["JSON"])}`',
    "- Reproduce: `benchmarks/scripts/run-converter.sh` (options after the script name go to JMH, e.g. `-prof gc`)",
    "",
]
with open(env["REPORT"], "w") as f:
    f.write("\n".join(lines))
PYTHON
echo "Wrote $report"
