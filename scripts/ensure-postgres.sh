#!/usr/bin/env bash
# Makes sure the local PostgreSQL serves logical decoding on 127.0.0.1:5432 for Debezium, as the tests and the demo
# need it. With --drop-stale it also removes the test rig's replication slots and databases (prefix dbt_) that an
# interrupted earlier test run left behind: only use it when no other test run is going on.
set -euo pipefail

PG_VERSION=${PG_VERSION:-$(ls /etc/postgresql | sort -n | tail -n 1)}
PG_CONF_DIR=/etc/postgresql/$PG_VERSION/main
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qAt)

pg() { pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main "$@"; }

wait_ready() {
    for _ in $(seq 1 60); do
        pg_isready -h 127.0.0.1 -p 5432 -q && return 0
        sleep 1
    done
    echo "PostgreSQL did not become ready on 127.0.0.1:5432" >&2
    return 1
}

setting() { "${PSQL[@]}" -c "select setting from pg_settings where name = '$1'"; }

cat > "$PG_CONF_DIR/conf.d/95-domain-bridge.conf" <<CONF
wal_level = logical
max_replication_slots = 20
max_wal_senders = 20
CONF

if ! grep -qE '^\s*host\s+replication\s+all\s+127\.0\.0\.1/32\s+trust' "$PG_CONF_DIR/pg_hba.conf"; then
    echo "host replication all 127.0.0.1/32 trust" >> "$PG_CONF_DIR/pg_hba.conf"
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    pg start || true
fi
wait_ready

if [ "$(setting wal_level)" != logical ] || [ "$(setting max_replication_slots)" -lt 10 ] \
    || [ "$(setting max_wal_senders)" -lt 10 ]; then
    pg restart
    wait_ready
else
    "${PSQL[@]}" -c "select pg_reload_conf()" > /dev/null
fi

if [ "${1:-}" = --drop-stale ]; then
    # A database another build or demo on this server is still using (a connection or a slot) is left alone.
    "${PSQL[@]}" -c "select pg_drop_replication_slot(slot_name) from pg_replication_slots
                     where slot_name like 'dbt\_%' and not active" > /dev/null
    for db in $("${PSQL[@]}" -c "select datname from pg_database d where datname like 'dbt\_%'
                                and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)
                                and not exists (select 1 from pg_replication_slots s where s.database = d.datname)"); do
        "${PSQL[@]}" -c "drop database if exists \"$db\" with (force)" > /dev/null
    done
fi

echo "PostgreSQL $PG_VERSION ready on 127.0.0.1:5432 (wal_level=$(setting wal_level))"
