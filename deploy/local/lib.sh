# Shell helpers shared by infra.sh and cluster.sh; sourced, never run. The sourcing script defines log().

wait_until() {
  # wait_until <seconds> <description> <command...>: polls every 0.5 s, no longer than needed.
  local limit=$1 what=$2; shift 2
  local deadline=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then log "timed out after ${limit}s waiting for $what"; return 1; fi
    sleep 0.5
  done
}
