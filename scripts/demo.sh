#!/usr/bin/env bash
# The main job: builds what is needed and runs the Logistics -> Customer Service boundary scenario on an embedded
# Kafka + Connect stack with the local PostgreSQL. Pass --keep to leave the stack running afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-databases.sh
mvn -B -q -Dstyle.color=never -Pdemo -pl integration-tests -am package -DskipTests -Ddemo.args="${1:---run}"
