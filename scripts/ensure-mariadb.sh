#!/usr/bin/env bash
# Makes sure the local MariaDB runs on 127.0.0.1:3306 with the row-based binary log Debezium reads. With --drop-stale
# it also removes the test rig's databases (prefix dbt_) that an interrupted earlier test run left behind.
set -euo pipefail

CNF=${MARIADB_CNF:-/etc/mysql/my.cnf}
MARK="# domain-bridge: row-based binary log for Debezium"

sql() { mariadb -uroot -h127.0.0.1 -P3306 --protocol=TCP -N -B -e "$1"; }
running() { mariadb-admin -uroot -h127.0.0.1 -P3306 --protocol=TCP ping > /dev/null 2>&1; }

await() {
    for _ in $(seq 1 60); do
        if [ "$1" = up ] && running; then return 0; fi
        if [ "$1" = down ] && ! pgrep -x mariadbd > /dev/null; then return 0; fi
        sleep 1
    done
    echo "MariaDB did not come $1 on 127.0.0.1:3306" >&2
    return 1
}

start() {
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2> /dev/null || true
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
    await up
}

if ! grep -qF "$MARK" "$CNF"; then
    cat >> "$CNF" <<CONF

$MARK
[mysqld]
log_bin = mysql-bin
binlog_format = ROW
binlog_row_image = FULL
server_id = 1
binlog_expire_logs_seconds = 86400
CONF
fi

running || start
if [ "$(sql 'select @@log_bin')" != 1 ] || [ "$(sql 'select @@binlog_format')" != ROW ]; then
    mariadb-admin -uroot -h127.0.0.1 -P3306 --protocol=TCP shutdown
    await down
    start
fi

if [ "${1:-}" = --drop-stale ]; then
    for db in $(sql "show databases like 'dbt\\_%'"); do
        sql "drop database \`$db\`"
    done
fi

echo "MariaDB $(sql 'select version()') ready on 127.0.0.1:3306 (log_bin=$(sql 'select @@log_bin'), binlog_format=$(sql 'select @@binlog_format'))"
