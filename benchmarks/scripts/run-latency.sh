#!/usr/bin/env bash
# Builds the bundle and Debezium's PostgreSQL connector plugin, then runs io.domainbridge.bench.pipeline.PipelineLatencyBenchmark:
# the shipping scenario on an embedded broker and Connect worker against the local PostgreSQL, first at a fixed rate,
# then at rising rates; writes benchmarks/results/<date>-latency.md, .json and .png.
#
# Usage: benchmarks/scripts/run-latency.sh
# Environment (defaults in brackets; rates in outbox events/s, one event per shipping command):
#   LATENCY_BENCH_RATE [1000]  LATENCY_BENCH_WARMUP_SECONDS [10]  LATENCY_BENCH_SECONDS [40]: the fixed-rate run
#   LATENCY_BENCH_STEPS [500,1000,2000,3000,4000,6000]  LATENCY_BENCH_STEP_SECONDS [20]: the rising-rate steps
#   LATENCY_BENCH_DRAIN_SECONDS [10]: how long the consumers get to drain after a step before it counts as not kept up
#   LATENCY_BENCH_SOURCE_CONNECTIONS [8]: connections the load generator commits on (a package always on the same one)
#   RESULTS_DIR [benchmarks/results]
#   DOMAINBRIDGE_PG_URL / _USER / _PASSWORD: the PostgreSQL server, as for the integration tests
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

results_dir="${RESULTS_DIR:-benchmarks/results}"
mkdir -p "$results_dir"
report="$(cd "$results_dir" && pwd)/$(date +%F)-latency.md"

mvn -B -q -pl benchmarks/pipeline -am package -Platency-bench -DskipTests -Dlatency.report="$report"
echo "Wrote $report"
