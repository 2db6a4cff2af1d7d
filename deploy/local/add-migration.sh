#!/usr/bin/env bash
# Adds an EF Core migration for a model change: deploy/local/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -eq 1 ] || { echo "usage: $0 <MigrationName>" >&2; exit 2; }
dotnet tool restore >/dev/null
exec dotnet dotnet-ef migrations add "$1" --project Invitations.Data --output-dir Persistence/Migrations
