"""Key figures for the one-page report of benchmarks/run.sh: every benchmark report adds its headline ratios here.

Rows go to the tab-separated file named by BENCH_SUMMARY (nothing happens when it is unset): area, figure, value,
baseline, ratio, target, whether the target was met, and the detailed report's file name.
"""

import os


def add(area, figure, value, baseline, ratio, target="", met="", report=""):
    path = os.environ.get("BENCH_SUMMARY")
    if not path:
        return
    fields = [area, figure, value, baseline, ratio, target, met, os.path.basename(report)]
    with open(path, "a", encoding="utf-8") as f:
        f.write("\t".join(str(field).replace("\t", " ").replace("\n", " ") for field in fields) + "\n")
