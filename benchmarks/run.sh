#!/usr/bin/env bash
# Runs every benchmark, one after the other, and writes benchmarks/results/<date>.md: the key figures, each next to its
# baseline measured in the same run, with links to the detailed reports and charts each benchmark writes beside it.
#
#   transforms   DomainBoundary vs Kafka's ReplaceField and Debezium's ExtractNewRecordState (JMH)
#   envelope     CommandEventEnvelope vs Debezium's outbox EventRouter (JMH)
#   converter    CloudEventsConverter vs Kafka's JsonConverter (JMH, bytes per record)
#   sink         CommandSink vs Debezium's JDBC sink vs a raw JDBC batch loop (embedded Connect, PostgreSQL)
#   latency      end-to-end latency at a fixed rate and the highest sustained rate (the shipping pipeline)
#   lookup       a lookup on the local replica vs the same lookup over HTTP to the source domain's service
#   source-load  source database load of log-based CDC vs a query-based polling extractor
#
# Usage: benchmarks/run.sh [benchmark...]      (all of them by default, in the order above)
# Environment: RESULTS_DIR [benchmarks/results]; each benchmark's own settings (see the benchmarks/scripts/run-*.sh scripts).
# Needs what the integration tests need: scripts/ensure-databases.sh prepares PostgreSQL and MariaDB.
# Takes about half an hour on 2 cores; run it on an otherwise idle machine.
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

all=(transforms envelope converter sink latency lookup source-load)
if (($#)); then
    benchmarks=("$@")
else
    benchmarks=("${all[@]}")
fi

export RESULTS_DIR="${RESULTS_DIR:-benchmarks/results}"
mkdir -p "$RESULTS_DIR"
day="$(date +%F)"
export BENCH_SUMMARY
BENCH_SUMMARY="$(cd "$RESULTS_DIR" && pwd)/$day-summary.tsv"
rm -f "$BENCH_SUMMARY"

commit="$(git rev-parse --short HEAD)"
if ! git diff --quiet HEAD -- . ':!benchmarks/results'; then
    commit="$commit (with uncommitted changes)"
fi
load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
started=$SECONDS

scripts/ensure-databases.sh
mvn -B -q -pl benchmarks/jmh -am package -DskipTests
export SKIP_BUILD=1

failed=()
timings=()
for benchmark in "${benchmarks[@]}"; do
    script="benchmarks/scripts/run-$benchmark.sh"
    if [[ ! -x "$script" ]]; then
        echo "No benchmark named '$benchmark' ($script)" >&2
        failed+=("$benchmark")
        continue
    fi
    echo "=== $benchmark ($script)"
    step_started=$SECONDS
    if ! "$script"; then
        echo "=== $benchmark failed" >&2
        failed+=("$benchmark")
    fi
    timings+=("$benchmark=$((SECONDS - step_started))")
done

DAY="$day" COMMIT="$commit" RESULTS_DIR="$RESULTS_DIR" LOAD_BEFORE="$load_before" \
    LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)" CPUS="$(nproc)" \
    CPU_MODEL="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | xargs || echo unknown)" \
    JAVA_VERSION="$(java -version 2>&1 | head -n 1)" MINUTES="$(((SECONDS - started + 30) / 60))" \
    BENCHMARKS="${benchmarks[*]}" FAILED="${failed[*]:-}" TIMINGS="${timings[*]:-}" \
    python3 benchmarks/scripts/overview-report.py
echo "Wrote $RESULTS_DIR/$day.md"
[[ ${#failed[@]} -eq 0 ]]
