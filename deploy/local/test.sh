#!/usr/bin/env bash
# The README's second command: infrastructure up, then the whole test suite against the real
# PostgreSQL and RabbitMQ. Prints one summary line "N passed, N failed[, N skipped]" at the end and
# exits non-zero when any test fails. Extra arguments go to `dotnet test` (e.g. --filter).
# Without arguments, the cases that restart the real servers (category ServerRestart) run last, alone:
# every other test assembly shares those servers.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/env.sh

deploy/local/infra.sh
deploy/local/browser.sh
tests/Corpus/generate.sh

export INVITATIONS_TEST_POSTGRES="$INVITATIONS_POSTGRES"
export INVITATIONS_TEST_RABBITMQ="$INVITATIONS_RABBITMQ"
export INVITATIONS_TEST_RABBITMQ_MANAGEMENT="$INVITATIONS_RABBITMQ_MANAGEMENT"
export INVITATIONS_TEST_CORPUS="$PWD/artifacts/corpus"

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

echo "[test] building (Release)"
dotnet build Invitations.sln -c Release -nologo -v quiet -clp:ErrorsOnly

status=0
if [ $# -eq 0 ]; then
  dotnet test Invitations.sln -c Release --no-build --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" --filter "TestCategory!=ServerRestart" || status=$?
  echo "[test] server restarts (alone)"
  INVITATIONS_TEST_SERVER_RESTARTS=1 dotnet test tests/Invitations.System.Tests/Invitations.System.Tests.csproj \
    -c Release --no-build --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" --filter "TestCategory=ServerRestart" || status=$?
else
  dotnet test Invitations.sln -c Release --no-build --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" "$@" || status=$?
fi

read -r passed failed total < <(
  find "$results" -name '*.trx' -print0 | xargs -0 -r cat |
    grep -o '<Counters [^>]*' |
    sed -E 's/.*total="([0-9]+)".*passed="([0-9]+)" failed="([0-9]+)".*/\2 \3 \1/' |
    awk '{p+=$1; f+=$2; t+=$3} END {print p+0, f+0, t+0}')
skipped=$((total - passed - failed))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A test host that crashed writes no failed count: still a failure.
  failed=1
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
