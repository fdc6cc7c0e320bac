#!/usr/bin/env bash
# Builds the bundle and Debezium's JDBC sink plugin, then runs io.domainbridge.bench.pipeline.SinkThroughputBenchmark on an
# embedded broker and Connect worker against the local PostgreSQL, and writes benchmarks/results/<date>-sink.md.
#
# Usage: benchmarks/scripts/run-sink.sh
# Environment (defaults in brackets):
#   SINK_BENCH_RECORDS [200000]  SINK_BENCH_BATCH_SIZE [1000]  RESULTS_DIR [benchmarks/results]
#   SINK_BENCH_PATHS [a,b,c,n]: which to run: (a) CommandSink, (b) Debezium JDBC sink, (c) raw JDBC, (n) the
#   Connect pipeline alone (CommandSink selecting no record, storing offsets only)
#   DOMAINBRIDGE_PG_URL / _USER / _PASSWORD: the PostgreSQL server, as for the integration tests
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

results_dir="${RESULTS_DIR:-benchmarks/results}"
mkdir -p "$results_dir"
report="$(cd "$results_dir" && pwd)/$(date +%F)-sink.md"

mvn -B -q -pl benchmarks/pipeline -am package -Psink-bench -DskipTests -Dbench.report="$report"
echo "Wrote $report"
