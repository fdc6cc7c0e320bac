"""Turns the JMH JSON of DomainBoundaryBenchmark into benchmarks/results/<date>-transforms.md (run by run-transforms.sh)."""

import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import summary  # noqa: E402

PREFIX = "io.domainbridge.bench.DomainBoundaryBenchmark."

ROWS = [
    ("flatDomainBoundary", "Flat row, keep 10 of 20 columns", "`DomainBoundary$Value` (columns only)"),
    ("flatReplaceField", "Flat row, keep 10 of 20 columns", "`ReplaceField$Value` with `include`"),
    ("envelopeDomainBoundary", "Change event `op=u`, keep 10 of 20 columns",
     "`DomainBoundary$Value` (before and after filtered, envelope kept)"),
    ("envelopeExtractNewRecordStateReplaceField", "Change event `op=u`, keep 10 of 20 columns",
     "`ExtractNewRecordState` (defaults) + `ReplaceField$Value` with `include`"),
    ("envelopeStructFloor", "Change event `op=u`, keep 10 of 20 columns",
     "Reference, not a transform: the envelope `DomainBoundary` emits, built with `Struct.put` alone"),
    ("envelopeDomainBoundaryMaskPseudonymize", "Change event `op=u`, 8 kept + 1 masked + 1 pseudonymized",
     "`DomainBoundary$Value` (HMAC-SHA-256 in before and after)"),
]

RATIOS = [
    ("DomainBoundary / ReplaceField (flat rows)", "flatDomainBoundary", "flatReplaceField", 1.0),
    ("DomainBoundary / (ExtractNewRecordState + ReplaceField) (change events)",
     "envelopeDomainBoundary", "envelopeExtractNewRecordStateReplaceField", 0.8),
    ("DomainBoundary with mask + pseudonymize / (ExtractNewRecordState + ReplaceField)",
     "envelopeDomainBoundaryMaskPseudonymize", "envelopeExtractNewRecordStateReplaceField", None),
    ("DomainBoundary with mask + pseudonymize / DomainBoundary columns only (change events)",
     "envelopeDomainBoundaryMaskPseudonymize", "envelopeDomainBoundary", None),
    ("Struct floor / (ExtractNewRecordState + ReplaceField) (change events)",
     "envelopeStructFloor", "envelopeExtractNewRecordStateReplaceField", None),
    ("DomainBoundary / Struct floor (change events)", "envelopeDomainBoundary", "envelopeStructFloor", None),
]


def load(path):
    with open(path, encoding="utf-8") as f:
        runs = json.load(f)
    results = {}
    for run in runs:
        name = run["benchmark"].removeprefix(PREFIX)
        metric = run["primaryMetric"]
        if metric["scoreUnit"] != "ns/op":
            sys.exit(f"{name}: expected ns/op, found {metric['scoreUnit']}")
        error = metric.get("scoreError")
        error = float(error) if error not in (None, "NaN") and not math.isnan(float(error)) else None
        results[name] = (float(metric["score"]), error)
    return runs, results


def ratio(results, numerator, denominator):
    (a, ea), (b, eb) = results[numerator], results[denominator]
    r = a / b
    if ea is None or eb is None:
        return r, None
    return r, r * math.sqrt((ea / a) ** 2 + (eb / b) ** 2)


def fmt_error(error, digits):
    return "n/a" if error is None else f"{error:.{digits}f}"


def verdict(r, error, target):
    if target is None:
        return "—", "—"
    met = "yes" if r <= target else "**no**"
    if error is not None and abs(r - target) < error:
        met += " (target inside the error interval)"
    return f"≤ {target:.2f}", met


def main():
    env = os.environ
    runs, results = load(env["JSON"])
    first = runs[0]
    lines = [
        f"# DomainBoundary against Kafka's and Debezium's transforms ({env['DAY']})",
        "",
        "Average time per record (JMH `Mode.AverageTime`, one record per operation), on identical records drawn in"
        " turn from a pool of 1024 distinct pre-built `SourceRecord`s of a 20-column `public.packages` table"
        " (int64 id, strings, int32, boolean, float64, `Decimal`, `Timestamp`, some optional). Change events are"
        " Debezium PostgreSQL-shaped updates: `before` and `after` sharing one row schema, a `source` block,"
        " `transaction` (null), `op=u` and `ts_ms`/`ts_us`/`ts_ns`. Before measuring, the benchmark checks that"
        " `DomainBoundary` and the reference chain emit the same 10 columns with the same values.",
        "",
        f"- Commit: `{env['COMMIT']}`",
        f"- JVM: {first.get('vmName', '?')} {first.get('vmVersion', '?')} (JDK {first.get('jdkVersion', '?')}),"
        f" JVM args {' '.join(first.get('jvmArgs', [])) or 'none'}",
        f"- Machine: {env['CPUS']} CPUs ({env['CPU_MODEL']}), shared with other builds;"
        f" load average before/after: {env['LOAD_BEFORE']} / {env['LOAD_AFTER']}",
        f"- JMH {first.get('jmhVersion', '?')} options: `{env['JMH_OPTIONS']}`",
        "",
        "| Case | Transform(s) | ns/record | ± error (99.9% CI) |",
        "|---|---|---:|---:|",
    ]
    for key, case, transforms in ROWS:
        if key in results:
            score, error = results[key]
            lines.append(f"| {case} | {transforms} | {score:,.1f} | {fmt_error(error, 1)} |")
    lines += [
        "",
        "| Ratio (same run) | Value | ± error | Target | Met |",
        "|---|---:|---:|---|---|",
    ]
    for label, numerator, denominator, target in RATIOS:
        if numerator in results and denominator in results:
            r, error = ratio(results, numerator, denominator)
            goal, met = verdict(r, error, target)
            lines.append(f"| {label} | {r:.2f} | {fmt_error(error, 2)} | {goal} | {met} |")
            if target is not None:
                summary.add(
                    "Transforms (JMH)",
                    label,
                    f"{results[numerator][0]:,.0f} ns/record",
                    f"{results[denominator][0]:,.0f} ns/record",
                    f"{r:.2f}",
                    goal,
                    met.replace("**", ""),
                    env["REPORT"],
                )
    lines += [
        "",
        "Ratio errors combine the two relative errors in quadrature. Compare ratios only within one run: absolute"
        " figures move with the load other builds put on the machine.",
        "",
        "The Struct floor is no contender: it emits the same envelope as `DomainBoundary` with nothing but"
        " `new Struct` and `Struct.put`, every field resolved in advance. Connect's `Struct.put` validates each value,"
        " and a struct value again field by field, so putting the filtered `before`, `after` and the `source` block"
        " into the new envelope validates them a second time. The unwrap chain emits only the flat `after` row and"
        " validates about half as many values; any transform that emits the filtered envelope with Connect's `Struct`"
        " pays at least the floor.",
        "",
        "Reproduce: `benchmarks/scripts/run-transforms.sh` (options via `JMH_WARMUP_ITERATIONS`, `JMH_WARMUP_TIME`,"
        " `JMH_ITERATIONS`, `JMH_TIME`, `JMH_FORKS`, or extra JMH arguments such as `-prof gc`).",
        "",
    ]
    with open(env["REPORT"], "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
