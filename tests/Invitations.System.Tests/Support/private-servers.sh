#!/usr/bin/env bash
# Starts a private PostgreSQL 15 cluster and a private RabbitMQ node (other ports, own data) for the
# ServerRestart cases, so they can stop and start servers nobody else uses, and prints the environment
# that points the tests at them:
#   eval "$(tests/Invitations.System.Tests/Support/private-servers.sh)"
#   INVITATIONS_TEST_SERVER_RESTARTS=1 dotnet test tests/Invitations.System.Tests --filter TestCategory=ServerRestart
# `private-servers.sh stop` stops both. Without it, test.sh restarts the shared servers (CI, nothing else running).
set -euo pipefail
PG_VERSION="${PG_VERSION:-15}"
PG_CLUSTER="${PRIVATE_PG_CLUSTER:-faults}"
PG_PORT="${PRIVATE_PG_PORT:-5442}"
RMQ_NODE="${PRIVATE_RABBITMQ_NODE:-faults@localhost}"
RMQ_PORT="${PRIVATE_RABBITMQ_PORT:-5791}"
RMQ_MGMT_PORT="${PRIVATE_RABBITMQ_MANAGEMENT_PORT:-15791}"
RMQ_DIST_PORT="${PRIVATE_RABBITMQ_DIST_PORT:-25791}"
RMQ_BASE="${PRIVATE_RABBITMQ_BASE:-/var/tmp/invitations-private-rabbitmq}"

rabbit_env() {
  cat <<ENV
export RABBITMQ_NODENAME='$RMQ_NODE' RABBITMQ_NODE_PORT='$RMQ_PORT' RABBITMQ_DIST_PORT='$RMQ_DIST_PORT'
export RABBITMQ_MNESIA_BASE='$RMQ_BASE/mnesia' RABBITMQ_LOG_BASE='$RMQ_BASE/log'
export RABBITMQ_CONFIG_FILE='$RMQ_BASE/rabbitmq' RABBITMQ_CONF_ENV_FILE='$RMQ_BASE/rabbitmq-env.conf'
export RABBITMQ_ENABLED_PLUGINS_FILE='$RMQ_BASE/enabled_plugins' RABBITMQ_PID_FILE='$RMQ_BASE/rabbit.pid'
ENV
}

if [ "${1:-start}" = stop ]; then
  eval "$(rabbit_env)"
  rabbitmqctl -q stop >/dev/null 2>&1 || true
  pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast >/dev/null 2>&1 || true
  exit 0
fi

if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$PG_CLUSTER"; then
  pg_createcluster "$PG_VERSION" "$PG_CLUSTER" -p "$PG_PORT" >/dev/null
fi
pg_start="pg_ctlcluster $PG_VERSION $PG_CLUSTER start -o '-c listen_addresses=127.0.0.1 -c max_connections=300 -c ssl=off'"
pg_lsclusters -h | awk -v c="$PG_CLUSTER" '$2==c {print $4}' | grep -q online || eval "$pg_start"
until pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; do sleep 0.5; done
runuser -u postgres -- psql -p "$PG_PORT" -tAq -c "SELECT 1 FROM pg_roles WHERE rolname='invitations'" | grep -q 1 \
  || runuser -u postgres -- psql -p "$PG_PORT" -q -c "CREATE ROLE invitations LOGIN CREATEDB PASSWORD 'invitations'"

mkdir -p "$RMQ_BASE/mnesia" "$RMQ_BASE/log"
chown -R rabbitmq:rabbitmq "$RMQ_BASE" 2>/dev/null || true
cat > "$RMQ_BASE/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$RMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RMQ_MGMT_PORT
loopback_users = none
CONF
printf 'NODE_IP_ADDRESS=127.0.0.1\nERL_EPMD_ADDRESS=127.0.0.1\n' > "$RMQ_BASE/rabbitmq-env.conf"
echo '[rabbitmq_management].' > "$RMQ_BASE/enabled_plugins"
eval "$(rabbit_env)"
rabbitmqctl -q status >/dev/null 2>&1 || rabbitmq-server -detached >/dev/null 2>&1
for _ in $(seq 90); do rabbitmqctl -q await_startup >/dev/null 2>&1 && break; sleep 1; done
rabbitmqctl -q await_startup >/dev/null

rabbit_env
cat <<ENV
export INVITATIONS_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Database=postgres;Username=invitations;Password=invitations'
export INVITATIONS_TEST_RABBITMQ='amqp://guest:guest@127.0.0.1:$RMQ_PORT/'
export INVITATIONS_TEST_RABBITMQ_MANAGEMENT='http://guest:guest@127.0.0.1:$RMQ_MGMT_PORT/'
export INVITATIONS_TEST_POSTGRES_STOP='pg_ctlcluster $PG_VERSION $PG_CLUSTER stop -m fast'
export INVITATIONS_TEST_POSTGRES_START="$pg_start"
export INVITATIONS_TEST_RABBITMQ_STOP='rabbitmqctl stop'
export INVITATIONS_TEST_RABBITMQ_START='rabbitmq-server -detached >/dev/null 2>&1'
ENV
