#!/usr/bin/env bash
# Creates a scenario's databases and submits its connectors to the Connect worker of compose.yaml.
#   docker/submit-scenario.sh shipping
# Every <PLACEHOLDER> in the scenario's JSON is replaced by the environment variable of the same name; the script
# stops if one is unset. Values must not contain '"' or '\'. For the compose stack, e.g.:
#   export LOGISTICS_DB_HOST=postgres LOGISTICS_DB_USER=postgres LOGISTICS_DB_PASSWORD=postgres \
#          CUSTOMER_SERVICE_DB_URL=jdbc:postgresql://postgres:5432/customer_service ... \
#          PSEUDONYMIZE_KEY_FILE=/etc/kafka-connect/secrets/boundary.key
set -euo pipefail

scenario=${1:?usage: submit-scenario.sh <scenario> [connect-url]}
connect=${2:-http://localhost:8083}
here=$(cd "$(dirname "$0")" && pwd)
configs="$here/../connect-configs/$scenario"
compose=(docker compose -f "$here/compose.yaml")

[[ -d "$configs" ]] || { echo "no scenario at $configs" >&2; exit 1; }

# One database per domain, named after its SQL file (sql/logistics.sql -> database logistics).
for sql in "$configs"/sql/*.sql; do
    db=$(basename "$sql" .sql)
    "${compose[@]}" exec -T postgres psql -U postgres -v ON_ERROR_STOP=1 -c "create database $db"
    "${compose[@]}" exec -T postgres psql -U postgres -v ON_ERROR_STOP=1 -d "$db" < "$sql"
done

# Sources first, so the sinks' topics exist; the file name is the connector name.
for json in "$configs"/*-source.json "$configs"/*-sink.json; do
    name=$(basename "$json" .json)
    body=$(cat "$json")
    for placeholder in $(grep -o '<[A-Z0-9_]*>' "$json" | sort -u); do
        var=${placeholder:1:-1}
        [[ -n "${!var:-}" ]] || { echo "$name: set $var" >&2; exit 1; }
        body=${body//"$placeholder"/${!var}}
    done
    echo "PUT $name"
    curl -fsS -X PUT -H 'Content-Type: application/json' --data "$body" "$connect/connectors/$name/config"
    echo
done
