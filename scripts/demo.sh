#!/usr/bin/env bash
# The main job: builds what is needed and runs a scenario of connect-configs/ (default: shipping) on a real Connect
# cluster with the local PostgreSQL: connectors submitted over the workers' REST API, a command load in the source
# domain, progress while it runs, and a final report read from the consumer databases and the topics.
#   scripts/demo.sh [--scenario shipping|payments|hcm|banking|boundary] [--rate N] [--duration SECONDS]
#                    [--redeliver N] [--keep] [--verbose]
#                    [--connect-url URL --bootstrap-servers HOST:PORT | --embedded]
# Defaults: shipping, 50 commands/s for 30 s, on the local cluster of scripts/local-cluster.sh (started when it is not
# running; it keeps running afterwards). --connect-url and --bootstrap-servers attach to any running cluster whose
# workers have the bundle and Debezium's PostgreSQL connector on plugin.path; --embedded runs a broker and a worker
# inside the demo's JVM instead. --redeliver 20 sends the first 20 records of each event topic again (the sinks must
# skip them as duplicates). --keep leaves the connectors running until Ctrl-C. --verbose shows the workers' logs.
set -euo pipefail
cd "$(dirname "$0")/.."
OFFSET="${DOMAINBRIDGE_LOCAL_PORT_OFFSET:-0}"
LOCAL_URL="http://127.0.0.1:$((18083 + OFFSET))"
LOCAL_KAFKA="127.0.0.1:$((19092 + OFFSET))"
embedded=0 attached=0 verbose=0
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    --embedded) embedded=1 ;;
    --connect-url|--bootstrap-servers) attached=1 ;;
    --verbose) verbose=1 ;;
  esac
done
scripts/ensure-databases.sh
args=("$@")
if [[ $embedded == 0 && $attached == 0 && " $* " != *" boundary "* ]]; then
  if [[ "$(scripts/local-cluster.sh status)" == *worker-* ]]; then
    echo "Using the local cluster of scripts/local-cluster.sh (REST $LOCAL_URL, Kafka $LOCAL_KAFKA)"
  else
    echo "The local cluster is not running: starting it (scripts/local-cluster.sh start; stop it with ... stop)"
    scripts/local-cluster.sh start
  fi
  args+=(--connect-url "$LOCAL_URL" --bootstrap-servers "$LOCAL_KAFKA")
  if [[ $verbose == 1 ]]; then
    echo "Worker logs follow (target/local-cluster/worker-*/process.log)"
    tail -n 0 -F target/local-cluster/worker-*/process.log &
    tail_pid=$!
    trap 'kill "$tail_pid" 2>/dev/null || true' EXIT
  fi
fi
# Maven 3.8 prints colour resets even with style.color=never
mvn -B -q -Dstyle.color=never -Prun -pl demo -am package -DskipTests 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g'
status=0
java @demo/target/demo.jvm-options -cp "demo/target/classes:$(cat demo/target/demo.classpath)" \
  io.domainbridge.demo.ScenarioDemo "${args[@]}" || status=$?
exit "$status"
