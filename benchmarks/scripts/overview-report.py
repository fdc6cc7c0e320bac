"""Writes benchmarks/results/<date>.md for benchmarks/run.sh: the key figures every benchmark added to the summary file,
links to their detailed reports, and the charts they drew."""

import csv
import os

env = os.environ
day = env["DAY"]
results_dir = env["RESULTS_DIR"]
summary_path = os.path.join(results_dir, f"{day}-summary.tsv")
failed = env.get("FAILED", "").split()
timings = dict(item.split("=", 1) for item in env.get("TIMINGS", "").split())

rows = []
if os.path.exists(summary_path):
    with open(summary_path, encoding="utf-8") as f:
        rows = [row for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE) if len(row) == 8]

lines = [
    f"# Domain Bridge benchmarks, {day}",
    "",
    "Every figure below was measured in one run of `benchmarks/run.sh`, next to its baseline measured in the same run",
    "on the same machine; the machines are shared and noisy, so the ratios are the result and the absolute figures",
    "only describe this run. Each detailed report states its method, settings and raw figures.",
    "",
    f"- Commit: `{env['COMMIT']}`",
    f"- Machine: {env['CPUS']} CPUs ({env['CPU_MODEL']}), {env['JAVA_VERSION']}",
    f"- Load average before / after: {env['LOAD_BEFORE']} / {env['LOAD_AFTER']}; the whole run took about"
    f" {env['MINUTES']} minutes",
    "",
    "## Key figures",
    "",
    "| Area | Figure | Ours | Baseline (same run) | Ratio | Target | Met | Report |",
    "|---|---|---:|---:|---:|---|---|---|",
]
for area, figure, value, baseline, ratio, target, met, report in rows:
    link = f"[{report}]({report})" if report else ""
    lines.append(f"| {area} | {figure} | {value} | {baseline} | **{ratio}** | {target} | {met} | {link} |")
if not rows:
    lines.append("| | no benchmark reported a figure | | | | | | |")

lines += ["", "## Detailed reports", ""]
for benchmark in env["BENCHMARKS"].split():
    report = f"{day}-{benchmark}.md"
    took = timings.get(benchmark)
    state = "failed" if benchmark in failed else "ran"
    took_text = "" if took is None else f", {int(took) // 60} min {int(took) % 60} s"
    if os.path.exists(os.path.join(results_dir, report)):
        lines.append(f"- `{benchmark}` ({state}{took_text}): [{report}]({report})")
    else:
        lines.append(f"- `{benchmark}` ({state}{took_text}): no report written")

charts = sorted(name for name in os.listdir(results_dir) if name.startswith(day) and name.endswith(".png"))
if charts:
    lines += ["", "## Charts", ""]
    for chart in charts:
        lines += [f"![{chart}]({chart})", ""]

if failed:
    lines += ["", f"**Failed:** {', '.join(failed)}; see the command's output."]
lines.append("")
with open(os.path.join(results_dir, f"{day}.md"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines))
