#!/usr/bin/env bash
# The main job: builds what is needed and runs a scenario of connect-configs/ (default: shipping) on an embedded
# Kafka + Connect stack with the local PostgreSQL: connectors submitted over the worker's REST API, a command load in
# the source domain, progress while it runs, and a final report.
#   scripts/demo.sh [--scenario shipping|payments|hcm|banking|boundary] [--rate N] [--duration SECONDS]
#                    [--redeliver N] [--keep]
# Defaults: shipping, 50 commands/s for 30 s; --redeliver 20 sends the first 20 records of each event topic again
# (the sinks must skip them as duplicates). --keep leaves the stack running and prints the REST URL and curl lines.
set -euo pipefail
cd "$(dirname "$0")/.."
for arg in "$@"; do
  case "$arg" in
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  esac
done
scripts/ensure-databases.sh
mvn -B -q -Dstyle.color=never -Prun -pl demo -am package -DskipTests \
  -Ddemo.args="${*:---scenario shipping}"
