#!/usr/bin/env bash
# Prepares the local databases the tests and the demo use: PostgreSQL with logical decoding, MariaDB with a row-based
# binary log.
set -euo pipefail
cd "$(dirname "$0")"
./ensure-postgres.sh
./ensure-mariadb.sh
