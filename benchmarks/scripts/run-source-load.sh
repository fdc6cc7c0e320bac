#!/usr/bin/env bash
# Builds the bundle and Debezium's PostgreSQL plugin, then runs io.domainbridge.bench.pipeline.SourceLoadBenchmark: the same
# write workload on a source table, captured once by Debezium's PostgreSQL connector on an embedded Connect worker and
# once per poll interval by a query-based timestamp+incrementing extractor, measuring on the source server what each
# extractor costs (statements, rows read, CPU time of its backends) and what it misses. Writes
# benchmarks/results/<date>-source-load.md and <date>-source-load.json. PostgreSQL must run on this host (backend CPU time
# is read from /proc).
#
# Usage: benchmarks/scripts/run-source-load.sh
# Environment (defaults in brackets):
#   SOURCE_LOAD_RATE [200]: changes/s  SOURCE_LOAD_SECONDS [20]: write time per run
#   SOURCE_LOAD_ROWS [10000]: rows in the table at the start  SOURCE_LOAD_HOT_ROWS [1000]: newest ids updates pick from
#   SOURCE_LOAD_POLL_INTERVALS_MS [1000,100]: one polling run per interval  SOURCE_LOAD_BATCH [1000]: rows per poll
#   SOURCE_LOAD_SETTLE_SECONDS [11]: wait after Debezium starts, so its startup statistics are flushed first
#   RESULTS_DIR [benchmarks/results]  MVN_FLAGS [none], e.g. -o for an offline build
#   DOMAINBRIDGE_PG_URL / _USER / _PASSWORD: the PostgreSQL server, as for the integration tests
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo_root"

results_dir="${RESULTS_DIR:-benchmarks/results}"
mkdir -p "$results_dir"
report="$(cd "$results_dir" && pwd)/$(date +%F)-source-load.md"

# shellcheck disable=SC2086
mvn -B -q ${MVN_FLAGS:-} -pl benchmarks/pipeline -am package -Psource-load-bench -DskipTests \
    -Dsource-load.report="$report"
echo "Wrote $report"
