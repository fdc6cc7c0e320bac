#!/usr/bin/env bash
# A real local Kafka Connect cluster without Docker: one KRaft broker and two distributed-mode Connect workers, each
# an OS process of its own, started from the stock Apache Kafka jars on Maven Central with the classes the binary
# distribution's kafka-server-start.sh and connect-distributed.sh run. The bundle (from its Confluent Hub archive)
# and Debezium's PostgreSQL connector are on plugin.path. Everything listens on 127.0.0.1 only.
#   scripts/local-cluster.sh start|stop|status
# State and logs: target/local-cluster/. Ports: broker 19092 (controller 19093), workers' REST 18083 and 18084;
# DOMAINBRIDGE_LOCAL_PORT_OFFSET=N adds N to each.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
HOME_DIR="$ROOT/target/local-cluster"
OFFSET="${DOMAINBRIDGE_LOCAL_PORT_OFFSET:-0}"
BROKER_PORT=$((19092 + OFFSET))
CONTROLLER_PORT=$((19093 + OFFSET))
WORKER_PORTS=($((18083 + OFFSET)) $((18084 + OFFSET)))
VERSION="$(sed -n 's:^    <version>\(.*\)</version>:\1:p' pom.xml | head -1)"
HUB_ZIP="$ROOT/distribution/target/domainbridge-domain-bridge-$VERSION.zip"
DEBEZIUM_PLUGINS="$ROOT/test-plugins/debezium-postgres/target/plugins"

usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; }

pid_alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # description, seconds, command...
  local what="$1" seconds="$2"; shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "local-cluster: $what did not come up within ${seconds}s; see $HOME_DIR/*/process.log" >&2
  return 1
}

build() {
  if [[ ! -f "$HUB_ZIP" || ! -d "$DEBEZIUM_PLUGINS" ]]; then
    echo "Building the bundle and Debezium's PostgreSQL plugin directory"
    mvn -B -q package -DskipTests -pl distribution,test-plugins/debezium-postgres -am
  fi
  if [[ ! -d "$HOME_DIR/libs" ]]; then
    echo "Gathering Apache Kafka's jars from Maven Central"
    mvn -B -q -f scripts/local-cluster/pom.xml package -Dkafka.libs="$HOME_DIR/libs"
  fi
  rm -rf "$HOME_DIR/plugins" && mkdir -p "$HOME_DIR/plugins"
  unzip -q "$HUB_ZIP" -d "$HOME_DIR/plugins"
  cp -r "$DEBEZIUM_PLUGINS"/. "$HOME_DIR/plugins/"
}

log_config() { # folder
  cat >"$1/log4j2.properties" <<EOF
appender.file.type = File
appender.file.name = file
appender.file.fileName = $1/process.log
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
EOF
}

launch() { # folder, main class, properties file
  local dir="$1"
  log_config "$dir"
  nohup java -Xms256m -Xmx768m -Dlog4j2.configurationFile="$dir/log4j2.properties" \
    -cp "$HOME_DIR/libs/*" "$2" "$3" >"$dir/stdout.log" 2>&1 &
  echo $! >"$dir/pid"
}

start_broker() {
  local dir="$HOME_DIR/broker"
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$BROKER_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$BROKER_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
group.initial.rebalance.delay.ms=0
EOF
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(java -cp "$HOME_DIR/libs/*" kafka.tools.StorageTool random-uuid)"
    java -cp "$HOME_DIR/libs/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" >/dev/null
  fi
  launch "$dir" kafka.Kafka "$dir/server.properties"
  wait_for "the broker on 127.0.0.1:$BROKER_PORT" 60 bash -c "exec 3<>/dev/tcp/127.0.0.1/$BROKER_PORT"
}

start_worker() { # index
  local port="${WORKER_PORTS[$1]}" dir="$HOME_DIR/worker-$(($1 + 1))"
  mkdir -p "$dir"
  cat >"$dir/worker.properties" <<EOF
bootstrap.servers=127.0.0.1:$BROKER_PORT
group.id=domainbridge-local
listeners=http://127.0.0.1:$port
rest.advertised.host.name=127.0.0.1
rest.advertised.port=$port
plugin.path=$HOME_DIR/plugins
plugin.discovery=service_load
config.storage.topic=domainbridge-local-configs
offset.storage.topic=domainbridge-local-offsets
status.storage.topic=domainbridge-local-status
config.storage.replication.factor=1
offset.storage.replication.factor=1
status.storage.replication.factor=1
key.converter=org.apache.kafka.connect.json.JsonConverter
value.converter=org.apache.kafka.connect.json.JsonConverter
config.providers=file
config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider
connector.client.config.override.policy=All
scheduled.rebalance.max.delay.ms=10000
offset.flush.interval.ms=1000
EOF
  launch "$dir" org.apache.kafka.connect.cli.ConnectDistributed "$dir/worker.properties"
}

start() {
  if pid_alive "$HOME_DIR/broker/pid"; then
    echo "local-cluster: already running"; status; return 0
  fi
  for port in "$BROKER_PORT" "$CONTROLLER_PORT" "${WORKER_PORTS[@]}"; do
    port_free "$port" || { echo "local-cluster: port $port is in use (set DOMAINBRIDGE_LOCAL_PORT_OFFSET)" >&2; exit 1; }
  done
  build
  start_broker
  start_worker 0
  start_worker 1
  for port in "${WORKER_PORTS[@]}"; do
    wait_for "the worker on 127.0.0.1:$port" 120 \
      bash -c "curl -sf http://127.0.0.1:$port/connector-plugins | grep -q io.domainbridge.connectors.CommandSinkConnector"
  done
  status
}

stop() {
  for dir in "$HOME_DIR"/worker-* "$HOME_DIR/broker"; do
    [[ -f "$dir/pid" ]] || continue
    local pid; pid="$(cat "$dir/pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/pid"
  done
  echo "local-cluster: stopped"
}

status() {
  local running=0
  if pid_alive "$HOME_DIR/broker/pid"; then
    echo "broker    127.0.0.1:$BROKER_PORT (pid $(cat "$HOME_DIR/broker/pid"))"; running=1
  fi
  for i in 0 1; do
    local dir="$HOME_DIR/worker-$((i + 1))" port="${WORKER_PORTS[$i]}"
    if pid_alive "$dir/pid"; then
      local state="starting"
      curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && state="ready"
      echo "worker-$((i + 1))  http://127.0.0.1:$port ($state, pid $(cat "$dir/pid"))"; running=1
    fi
  done
  [[ $running == 1 ]] || echo "local-cluster: not running"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage; exit 2 ;;
esac
