#!/usr/bin/env bash
# A three-node RabbitMQ cluster on this machine, for the Cluster system tests and for running the services
# against a cluster locally (README, "Running against a RabbitMQ cluster"). Debian's rabbitmq-server, no
# Docker engine. Loopback only. It never touches the single node of infra.sh (rabbit@localhost on 5672).
#
#   deploy/local/cluster.sh [start]        start the three nodes and join them (safe to run again)
#   deploy/local/cluster.sh stop           stop the three nodes
#   deploy/local/cluster.sh reset          kill the three nodes and delete their data (a new cluster next start)
#   deploy/local/cluster.sh nodes          print the AMQP addresses, comma-separated (RabbitMq:Nodes)
#   deploy/local/cluster.sh kill N         SIGKILL node N (1..3)
#   deploy/local/cluster.sh stop-node N    stop node N gracefully
#   deploy/local/cluster.sh ctl N ARGS...  rabbitmqctl against node N
#   deploy/local/cluster.sh queues N ARGS... rabbitmq-queues against node N
#
# Node N: rabbit-cN@localhost, AMQP 5680+N, management 15680+N, distribution 25680+N; data, logs, configuration
# and the one Erlang cookie under $INVITATIONS_CLUSTER_DIR (default /var/tmp/invitations-rabbit-cluster).
set -euo pipefail

BASE="${INVITATIONS_CLUSTER_DIR:-/var/tmp/invitations-rabbit-cluster}"
BIN=/usr/lib/rabbitmq/bin
USER_NAME="${INVITATIONS_CLUSTER_USER:-guest}"
USER_PASSWORD="${INVITATIONS_CLUSTER_PASSWORD:-guest}"
BOOT_SECONDS="${INVITATIONS_CLUSTER_BOOT_SECONDS:-150}"

log() { printf '[cluster] %s\n' "$*" >&2; }

node_name() { echo "rabbit-c$1@localhost"; }
amqp_port() { echo $((5680 + $1)); }

# shellcheck source=deploy/local/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The environment of node N: its own names, ports, folders and configuration; never /etc/rabbitmq's files,
# which belong to the shared node.
node_env() {
  local n=$1 dir="$BASE/node$1"
  export HOME="$BASE"
  export RABBITMQ_NODENAME; RABBITMQ_NODENAME=$(node_name "$n")
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT; RABBITMQ_NODE_PORT=$(amqp_port "$n")
  export RABBITMQ_DIST_PORT=$((25680 + n))
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
  export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$dir/mnesia"
  export RABBITMQ_LOG_BASE="$dir/log"
  export RABBITMQ_PID_FILE="$dir/rabbit.pid"
  # Two cores shared with everything else: two schedulers, no busy waiting; Erlang distribution on loopback only.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="+S 2:2 +sbwt none +sbwtdcpu none +sbwtdio none -kernel inet_dist_use_interface {127,0,0,1}"
}

ctl() { local n=$1; shift; ( node_env "$n"; "$BIN/rabbitmqctl" -n "$(node_name "$n")" "$@" ); }
queues() { local n=$1; shift; ( node_env "$n"; "$BIN/rabbitmq-queues" -n "$(node_name "$n")" "$@" ); }
running() { ctl "$1" -q await_startup --timeout 1 >/dev/null 2>&1; }

prepare() {
  mkdir -p "$BASE"
  if [ ! -f "$BASE/.erlang.cookie" ]; then
    # One cookie for the three nodes and for rabbitmqctl (HOME=$BASE): the CLI must present the nodes' cookie.
    head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F' >"$BASE/.erlang.cookie"
    chmod 400 "$BASE/.erlang.cookie"
  fi
  local n dir
  for n in 1 2 3; do
    dir="$BASE/node$n"
    mkdir -p "$dir/mnesia" "$dir/log"
    : >"$dir/rabbitmq-env.conf"
    echo '[rabbitmq_management].' >"$dir/enabled_plugins"
    # Modest limits: three nodes share the machine with the tests and the shared node.
    cat >"$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$(amqp_port "$n")
management.tcp.ip = 127.0.0.1
management.tcp.port = $((15680 + n))
loopback_users = none
vm_memory_high_watermark.absolute = 768MB
disk_free_limit.absolute = 256MB
cluster_name = invitations-local
CONF
  done
}

launch_node() {
  local n=$1
  log "starting $(node_name "$n") (AMQP $(amqp_port "$n"), management $((15680 + n)))"
  ( node_env "$n"; cd "$BASE"; "$BIN/rabbitmq-server" -detached >>"$BASE/node$n/log/startup.log" 2>&1 )
}

# The Erlang VM of node N, found by the node name in its environment (the pid file is written late in the boot,
# if at all, and the name is not on the command line).
node_pids() {
  local pid
  for pid in $(pgrep -x beam.smp || true); do
    { tr '\0' '\n' <"/proc/$pid/environ"; } 2>/dev/null | grep -qx "RABBITMQ_NODENAME=$(node_name "$1")" && echo "$pid"
  done
  return 0
}

node_gone() { [ -z "$(node_pids "$1")" ]; }

show_logs() {
  local n=$1 f
  for f in "$BASE/node$n/log/startup.log" "$BASE/node$n/log/$(node_name "$n").log"; do
    [ -f "$f" ] || continue
    log "last lines of $f:"
    tail -n 25 "$f" | sed 's/^/[cluster]   /' >&2
  done
}

start_node() {
  # A node that has not booted within the limit is shown, killed and started once more: on two loaded cores a
  # boot has been seen to hang once in many (CI), while the same node started again boots in about 20 s.
  local n=$1 attempt pid
  running "$n" && return 0
  for attempt in 1 2; do
    launch_node "$n"
    if wait_until "$BOOT_SECONDS" "$(node_name "$n")" ctl "$n" -q await_startup --timeout 5; then return 0; fi
    show_logs "$n"
    for pid in $(node_pids "$n"); do kill -KILL "$pid" 2>/dev/null || true; done
    [ $attempt -eq 1 ] && log "starting $(node_name "$n") again"
  done
  return 1
}

reset_cluster() {
  # Every node killed and every node's data removed: the next start is a new cluster (test.sh starts from here).
  local n pid
  for n in 1 2 3; do
    for pid in $(node_pids "$n"); do kill -KILL "$pid" 2>/dev/null || true; done
  done
  for n in 1 2 3; do wait_until 30 "$(node_name "$n") to die" node_gone "$n"; done
  rm -rf "${BASE:?}/node1" "$BASE/node2" "$BASE/node3"
  log "reset: no node running, no data kept"
}

joined() { ctl "$1" -q cluster_status --formatter json 2>/dev/null | grep -q "\"$(node_name 1)\""; }

join_node() {
  local n=$1
  joined "$n" && return 0
  log "joining $(node_name "$n") to $(node_name 1)"
  {
    ctl "$n" -q stop_app
    ctl "$n" -q reset
    ctl "$n" -q join_cluster "$(node_name 1)"
    ctl "$n" -q start_app
  } >>"$BASE/node$n/log/join.log" 2>&1
  wait_until 60 "$(node_name "$n")" ctl "$n" -q await_startup --timeout 5
}

running_count() {
  ctl "$1" -q cluster_status --formatter json 2>/dev/null |
    grep -o '"running_nodes":\[[^]]*\]' | grep -o 'rabbit-c[0-9]@localhost' | sort -u | wc -l
}

three_running() {
  local n
  for n in 1 2 3; do [ "$(running_count "$n")" -eq 3 ] && return 0; done
  return 1
}

start_cluster() {
  [ -x "$BIN/rabbitmq-server" ] || deploy_rabbitmq
  prepare
  local n pids=() failed=0
  # In parallel: a node restarted after a stop waits for the peers it knew, and the three boot in about the time of one.
  for n in 1 2 3; do start_node "$n" & pids+=($!); done
  for n in "${pids[@]}"; do wait "$n" || failed=1; done
  [ $failed -eq 0 ] || { log "a node did not start (logs in $BASE/node*/log)"; return 1; }
  for n in 2 3; do join_node "$n"; done
  wait_until 120 "three running nodes" three_running
  if [ "$USER_NAME" != guest ] && ! ctl 1 -q list_users | grep -q "^$USER_NAME\b"; then
    ctl 1 -q add_user "$USER_NAME" "$USER_PASSWORD"
    ctl 1 -q set_user_tags "$USER_NAME" administrator
    ctl 1 -q set_permissions -p / "$USER_NAME" '.*' '.*' '.*'
  fi
  for n in 1 2 3; do
    if ctl "$n" -q list_alarms 2>/dev/null | grep -qi alarm; then log "$(node_name "$n") reports an alarm:"; ctl "$n" list_alarms >&2 || true; fi
  done
  log "ready: $(nodes)"
}

deploy_rabbitmq() {
  # The package infra.sh installs (Debian's rabbitmq-server, 3.10 on Debian 12).
  log "installing rabbitmq-server"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null
}

stop_node() {
  local n=$1
  running "$n" || return 0
  log "stopping $(node_name "$n")"
  ctl "$n" -q stop >/dev/null 2>&1 || true
}

kill_node() {
  local n=$1 pid
  pid=$(cat "$BASE/node$n/rabbit.pid" 2>/dev/null || true)
  [ -n "$pid" ] || pid=$(ctl "$n" -q eval 'list_to_integer(os:getpid()).' 2>/dev/null || true)
  [ -n "$pid" ] || { log "$(node_name "$n") is not running"; return 1; }
  log "SIGKILL $(node_name "$n") (pid $pid)"
  kill -KILL "$pid"
  wait_until 30 "$(node_name "$n") to die" bash -c "! kill -0 $pid"
}

nodes() { echo "127.0.0.1:$(amqp_port 1),127.0.0.1:$(amqp_port 2),127.0.0.1:$(amqp_port 3)"; }

case "${1:-start}" in
  start) start_cluster ;;
  stop) for n in 3 2 1; do stop_node "$n"; done ;;
  reset) reset_cluster ;;
  nodes) nodes ;;
  kill) kill_node "${2:?node 1..3}" ;;
  stop-node) stop_node "${2:?node 1..3}" ;;
  start-node) start_node "${2:?node 1..3}"; wait_until 120 "three running nodes" three_running ;;
  ctl) shift; n=${1:?node 1..3}; shift; ctl "$n" "$@" ;;
  queues) shift; n=${1:?node 1..3}; shift; queues "$n" "$@" ;;
  *) echo "usage: $0 [start|stop|reset|nodes|kill N|stop-node N|start-node N|ctl N ...|queues N ...]" >&2; exit 2 ;;
esac
