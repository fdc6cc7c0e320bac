#!/usr/bin/env bash
# Prepares the local databases the tests and the demo use: PostgreSQL with logical decoding, MariaDB with a row-based
# binary log. --drop-stale (the test command passes it) also removes what interrupted test runs left behind.
set -euo pipefail
cd "$(dirname "$0")"
./ensure-postgres.sh "$@"
./ensure-mariadb.sh "$@"
