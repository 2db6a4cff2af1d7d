#!/usr/bin/env bash
# The README's first command: infrastructure up, migrations applied, demo seed (sponsor 42, 5,000 codes
# of each tier), then the Api on http://127.0.0.1:5080 and the Worker, until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/env.sh

deploy/local/infra.sh
echo "[run] building (Release)"
dotnet build Invitations.sln -c Release -nologo -v quiet -clp:ErrorsOnly

export DOTNET_ENVIRONMENT=Development ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__Invitations="$INVITATIONS_POSTGRES" RabbitMq__Uri="$INVITATIONS_RABBITMQ"

echo "[run] applying migrations and the demo seed"
Database__SeedDemoData=true dotnet run --no-build -c Release --no-launch-profile --project Invitations.Worker -- migrate

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

dotnet run --no-build -c Release --no-launch-profile --project Invitations.Worker \
  > >(sed -u 's/^/[worker] /') 2>&1 &
pids+=($!)
dotnet run --no-build -c Release --no-launch-profile --project Invitations.Api -- --urls "${INVITATIONS_API_URL:-http://127.0.0.1:5080}" \
  > >(sed -u 's/^/[api]    /') 2>&1 &
pids+=($!)
echo "[run] Api on ${INVITATIONS_API_URL:-http://127.0.0.1:5080} (dashboard /, support /support); Ctrl-C stops both"
# Stop both when either exits.
wait -n "${pids[@]}"
