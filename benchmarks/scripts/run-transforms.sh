#!/usr/bin/env bash
# Builds the benchmark jar, runs DomainBoundaryBenchmark and writes benchmarks/results/<date>-transforms.md (and the raw
# JMH JSON next to it).
#
# Usage: benchmarks/scripts/run-transforms.sh [extra JMH options...]
# Environment: see benchmarks/scripts/jmh-run.sh.
set -euo pipefail

BENCHMARK=DomainBoundaryBenchmark
RESULT_NAME=transforms
source "$(dirname "${BASH_SOURCE[0]}")/jmh-run.sh"

JSON="$json" REPORT="$report" DAY="$day" COMMIT="$commit" JMH_OPTIONS="${jmh_options[*]}" \
    LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" CPUS="$(nproc)" \
    CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs || echo unknown)" \
    python3 benchmarks/scripts/transforms-report.py
echo "Wrote $report"
