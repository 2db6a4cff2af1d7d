#!/usr/bin/env bash
# Installs (apt) and starts RabbitMQ and PostgreSQL on loopback when they are not already running,
# then creates the invitations role and database. Safe to run any number of times.
# No systemd and no Docker engine are assumed: the servers are started directly.
set -euo pipefail

PG_VERSION="${PG_VERSION:-15}"
PG_USER="${INVITATIONS_DB_USER:-invitations}"
PG_PASSWORD="${INVITATIONS_DB_PASSWORD:-invitations}"
PG_DATABASE="${INVITATIONS_DB_NAME:-invitations}"

log() { printf '[infra] %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated -eq 0 ]; then
    log "apt-get update"
    as_root apt-get update -qq
    apt_updated=1
  fi
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# shellcheck source=deploy/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

start_postgres() {
  apt_install "postgresql-$PG_VERSION" postgresql-client-common
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$PG_VERSION main$"; then
    log "creating PostgreSQL cluster $PG_VERSION/main"
    as_root pg_createcluster "$PG_VERSION" main >/dev/null
  fi
  if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $PG_VERSION"
    # Loopback only; more connections than the default 100, since tests run several buses and pools.
    as_root pg_ctlcluster "$PG_VERSION" main start -o "-c listen_addresses=127.0.0.1 -c max_connections=300 -c ssl=off" \
      || as_root pg_ctlcluster "$PG_VERSION" main start
  fi
  wait_until 60 "PostgreSQL" pg_isready -q -h 127.0.0.1 -p 5432
  local exists
  exists=$(as_root runuser -u postgres -- psql -tAq -h 127.0.0.1 -c "SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'" 2>/dev/null \
    || as_root runuser -u postgres -- psql -tAq -c "SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'")
  if [ "$exists" != "1" ]; then
    log "creating role $PG_USER"
    # CREATEDB: the test fixture creates one isolated database per test run.
    as_root runuser -u postgres -- psql -q -c "CREATE ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
  fi
  exists=$(as_root runuser -u postgres -- psql -tAq -c "SELECT 1 FROM pg_database WHERE datname='$PG_DATABASE'")
  if [ "$exists" != "1" ]; then
    log "creating database $PG_DATABASE"
    as_root runuser -u postgres -- psql -q -c "CREATE DATABASE \"$PG_DATABASE\" OWNER \"$PG_USER\""
  fi
}

rabbit_running() { rabbitmqctl -q status >/dev/null 2>&1; }

start_rabbitmq() {
  apt_install rabbitmq-server
  # Loopback only, for the AMQP listener, the management UI and Erlang distribution.
  if [ ! -f /etc/rabbitmq/rabbitmq.conf ] || ! grep -q "^listeners.tcp.default" /etc/rabbitmq/rabbitmq.conf; then
    as_root mkdir -p /etc/rabbitmq
    as_root tee -a /etc/rabbitmq/rabbitmq.conf >/dev/null <<'CONF'
listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
loopback_users = none
CONF
  fi
  if [ ! -f /etc/rabbitmq/rabbitmq-env.conf ] || ! grep -q "^NODE_IP_ADDRESS" /etc/rabbitmq/rabbitmq-env.conf; then
    printf 'NODE_IP_ADDRESS=127.0.0.1\nERL_EPMD_ADDRESS=127.0.0.1\nNODENAME=rabbit@localhost\n' | as_root tee -a /etc/rabbitmq/rabbitmq-env.conf >/dev/null
  fi
  # The management plugin lets the tests create a virtual host per run.
  if [ ! -f /etc/rabbitmq/enabled_plugins ] || ! grep -q rabbitmq_management /etc/rabbitmq/enabled_plugins; then
    echo '[rabbitmq_management].' | as_root tee /etc/rabbitmq/enabled_plugins >/dev/null
  fi
  if ! rabbit_running; then
    log "starting RabbitMQ"
    as_root rabbitmq-server -detached >/dev/null 2>&1 || true
  fi
  wait_until 90 "RabbitMQ" rabbitmqctl -q await_startup
  wait_until 30 "RabbitMQ AMQP port" bash -c 'exec 3<>/dev/tcp/127.0.0.1/5672'
}

case "${1:-all}" in
  postgres) start_postgres ;;
  rabbitmq) start_rabbitmq ;;
  all) start_postgres; start_rabbitmq ;;
  *) echo "usage: $0 [all|postgres|rabbitmq]" >&2; exit 2 ;;
esac
log "ready"
