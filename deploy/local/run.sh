#!/usr/bin/env bash
# The README's first command: infrastructure up, migrations applied, demo seed (sponsor 42, 5,000 codes
# of each tier), then the Api on http://127.0.0.1:5080 and the Worker, until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/env.sh

deploy/local/infra.sh
# The supervisors below probe /health/live with curl.
if ! command -v curl >/dev/null 2>&1; then
  echo "[run] installing curl"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl >/dev/null
fi
echo "[run] building (Release)"
dotnet build Invitations.sln -c Release -nologo -v quiet -clp:ErrorsOnly

export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__Invitations="$INVITATIONS_POSTGRES" RabbitMq__Uri="$INVITATIONS_RABBITMQ"

echo "[run] applying migrations and the demo seed"
Database__SeedDemoData=true dotnet run --no-build -c Release --no-launch-profile --project Invitations.Worker -- migrate

# Each service runs under a supervisor that restarts it when it exits or fails its liveness check
# (/health/live) twice in a row: a Worker whose endpoint is stuck after a broker restart fails it
# (docs/RELIABILITY.md, "Endpoint watchdog"), as Kubernetes' livenessProbe restarts a pod.
api_url="${INVITATIONS_API_URL:-http://127.0.0.1:5080}"
worker_health="http://127.0.0.1:${INVITATIONS_WORKER_HEALTH_PORT:-5081}"
live_grace="${INVITATIONS_LIVE_GRACE:-90}"

supervise() {
  local name=$1 project=$2 live=$3; shift 3
  local child=""
  trap '[ -n "$child" ] && kill "$child" 2>/dev/null; exit 0' TERM INT
  while true; do
    (cd "$project" && exec dotnet "bin/Release/net10.0/$project.dll" "$@") > >(sed -u "s/^/[$name] /") 2>&1 &
    child=$!
    local started=$SECONDS failures=0
    while kill -0 "$child" 2>/dev/null; do
      sleep 5
      if (( SECONDS - started < live_grace )); then continue; fi
      if curl -fsS -m 5 -o /dev/null "$live/health/live"; then failures=0; else failures=$((failures + 1)); fi
      if (( failures >= 2 )); then
        echo "[run] $name failed its liveness check twice: restarting it"
        kill -9 "$child" 2>/dev/null || true
      fi
    done
    wait "$child" 2>/dev/null || true
    echo "[run] $name exited: starting it again in 2 s"
    sleep 2
  done
}

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

export Health__Urls="$worker_health"   # read by the Worker only; the Api serves its health on its own URL
supervise worker Invitations.Worker "$worker_health" &
pids+=($!)
supervise api Invitations.Api "$api_url" --urls "$api_url" &
pids+=($!)
echo "[run] Api on $api_url (dashboard /, support /support); Ctrl-C stops both"
wait
