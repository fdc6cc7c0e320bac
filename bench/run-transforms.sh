#!/usr/bin/env bash
# Builds the benchmark jar, runs DomainBoundaryBenchmark and writes bench/results/<date>-transforms.md (and the raw
# JMH JSON next to it).
#
# Usage: bench/run-transforms.sh [extra JMH options...]
# Environment (defaults in brackets):
#   JMH_WARMUP_ITERATIONS [3]  JMH_WARMUP_TIME [2s]  JMH_ITERATIONS [5]  JMH_TIME [2s]  JMH_FORKS [1]
#   JMH_INCLUDE [DomainBoundaryBenchmark]  RESULTS_DIR [bench/results]  SKIP_BUILD [unset: build first]
#   JMH_LOCK_WAIT_SECONDS [900]: how long to wait while another JMH run on this machine holds /tmp/jmh.lock
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

warmup_iterations="${JMH_WARMUP_ITERATIONS:-3}"
warmup_time="${JMH_WARMUP_TIME:-2s}"
iterations="${JMH_ITERATIONS:-5}"
iteration_time="${JMH_TIME:-2s}"
forks="${JMH_FORKS:-1}"
include="${JMH_INCLUDE:-DomainBoundaryBenchmark}"
results_dir="${RESULTS_DIR:-bench/results}"
day="$(date +%F)"
json="$results_dir/$day-transforms.json"
report="$results_dir/$day-transforms.md"

if ! command -v python3 >/dev/null 2>&1; then
    echo "python3 is needed to turn the JMH JSON into the report" >&2
    exit 1
fi

if [[ -z "${SKIP_BUILD:-}" ]]; then
    mvn -B -q -pl benchmarks -am package -DskipTests
fi

# JMH refuses to start while another run holds its lock; overlapping runs would skew both, so wait for it.
run_jmh() {
    local log deadline
    log="$(mktemp)"
    deadline=$((SECONDS + ${JMH_LOCK_WAIT_SECONDS:-900}))
    while true; do
        if java -jar benchmarks/target/benchmarks.jar "$@" 2>&1 | tee "$log"; then
            rm -f "$log"
            return 0
        fi
        if ! grep -q "Unable to acquire the JMH lock" "$log" || ((SECONDS >= deadline)); then
            rm -f "$log"
            return 1
        fi
        echo "Another JMH run holds /tmp/jmh.lock; trying again in 15 s" >&2
        sleep 15
    done
}

mkdir -p "$results_dir"
jmh_options=(-wi "$warmup_iterations" -w "$warmup_time" -i "$iterations" -r "$iteration_time" -f "$forks" "$@")
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
run_jmh "$include" "${jmh_options[@]}" -rf json -rff "$json"
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

commit="$(git rev-parse --short HEAD)"
if ! git diff --quiet HEAD -- . ':!bench/results'; then
    commit="$commit (with uncommitted changes)"
fi

JSON="$json" REPORT="$report" DAY="$day" COMMIT="$commit" JMH_OPTIONS="${jmh_options[*]}" \
    LOAD_BEFORE="$load_before" LOAD_AFTER="$load_after" CPUS="$(nproc)" \
    CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs || echo unknown)" \
    python3 bench/transforms-report.py
echo "Wrote $report"
