#!/usr/bin/env bash
# Builds the bundle and Debezium's PostgreSQL plugin, then runs io.domainbridge.bench.pipeline.LookupLatencyBenchmark: the
# shipping scenario on an embedded broker and Connect worker fills Customer Service's replica through the real
# pipeline, then the same lookups run against the replica (JDBC) and against Logistics' service (HTTP, backed by the
# source database). Writes benchmarks/results/<date>-lookup.md and <date>-lookup.json.
#
# Usage: benchmarks/scripts/run-lookup.sh
# Environment (defaults in brackets):
#   LOOKUP_COMMANDS [2000]: scenario commands run before measuring (about one package per five commands)
#   LOOKUP_CLIENTS [8]  LOOKUP_SERVER_THREADS [= clients]  LOOKUP_RATE [500]: total open-loop lookups/s
#   LOOKUP_SECONDS [8] per side and round  LOOKUP_ROUNDS [3]  LOOKUP_WARMUP_SECONDS [4]
#   LOOKUP_SATURATED_SECONDS [5]: closed-loop run per side  LOOKUP_OUTAGE_SECONDS [3]: run with the service stopped
#   RESULTS_DIR [benchmarks/results]  MVN_FLAGS [none], e.g. -o for an offline build
#   DOMAINBRIDGE_PG_URL / _USER / _PASSWORD: the PostgreSQL server, as for the integration tests
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

results_dir="${RESULTS_DIR:-benchmarks/results}"
mkdir -p "$results_dir"
report="$(cd "$results_dir" && pwd)/$(date +%F)-lookup.md"

# shellcheck disable=SC2086
mvn -B -q ${MVN_FLAGS:-} -pl benchmarks/pipeline -am package -Plookup-bench -DskipTests -Dlookup.report="$report"
echo "Wrote $report"
