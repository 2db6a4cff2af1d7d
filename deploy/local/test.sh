#!/usr/bin/env bash
# The README's second command: infrastructure up, then the whole test suite against the real
# PostgreSQL and RabbitMQ. Prints one summary line "N passed, N failed[, N skipped]" at the end and
# exits non-zero when any test fails. Extra arguments go to `dotnet test` (e.g. --filter).
# Without arguments, the cases that restart the real servers (category ServerRestart) run last, alone:
# every other test assembly shares those servers. They stop and start the servers named by
# INVITATIONS_TEST_{POSTGRES,RABBITMQ}_{STOP,START} (default: the shared ones, through infra.sh); to run them
# beside other work, point them at private servers: tests/Invitations.System.Tests/Support/private-servers.sh.
# Then the Cluster cases, alone, on a three-node cluster started for them and stopped after them
# (deploy/local/cluster.sh).
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
    --results-directory "$results" --filter "TestCategory!=ServerRestart&TestCategory!=Cluster" || status=$?
  echo "[test] server restarts (alone)"
  INVITATIONS_TEST_SERVER_RESTARTS=1 dotnet test tests/Invitations.System.Tests/Invitations.System.Tests.csproj \
    -c Release --no-build --logger "trx" --logger "console;verbosity=normal" \
    --results-directory "$results" --filter "TestCategory=ServerRestart" || status=$?
  # The Cluster cases kill and stop nodes of their own three-node cluster (deploy/local/cluster.sh), never the
  # shared node; they run alone, after the rest, and the cluster is stopped after them.
  echo "[test] cluster (alone)"
  # A new cluster every run: no node data left by an earlier run (or a killed one) to wait on or to trip over.
  deploy/local/cluster.sh reset || true
  if deploy/local/cluster.sh start || { deploy/local/cluster.sh reset && deploy/local/cluster.sh start; }; then
    INVITATIONS_TEST_CLUSTER_RABBITMQ="amqp://guest:guest@127.0.0.1:5681/" \
    INVITATIONS_TEST_CLUSTER_MANAGEMENT="http://guest:guest@127.0.0.1:15681/" \
    INVITATIONS_TEST_CLUSTER_NODES="$(deploy/local/cluster.sh nodes)" \
      dotnet test tests/Invitations.System.Tests/Invitations.System.Tests.csproj \
      -c Release --no-build --logger "trx" --logger "console;verbosity=normal" \
      --results-directory "$results" --filter "TestCategory=Cluster" || status=$?
  else
    echo "[test] the cluster did not start" >&2
    status=1
  fi
  deploy/local/cluster.sh stop || true
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
if [ "$failed" -gt 0 ]; then
  # CI keeps only the tail of this output: name every failed test and the first lines of its message here.
  echo "[test] failed:"
  find "$results" -name '*.trx' -print0 | xargs -0 -r /usr/bin/python3 -c '
import sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sys.argv[1:]:
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        if result.get("outcome") != "Failed":
            continue
        message = result.find(".//t:Message", ns)
        text = (message.text or "") if message is not None else ""
        print("  " + result.get("testName", "?"))
        for line in text.strip().splitlines()[:12]:
            print("    " + line[:300])
' || true
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
