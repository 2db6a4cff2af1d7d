#!/usr/bin/env bash
# The upload corpus: the same dealer list written by independent spreadsheet writers (XlsxWriter,
# openpyxl, LibreOffice Calc, SheetJS, ExcelJS), plus each writer's quirks, into artifacts/corpus/. The files are
# generated, never committed; manifest.json beside this script says what the Api must answer for each.
# Idempotent and quick once done: a stamp of this folder's scripts skips the work when nothing changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${INVITATIONS_CORPUS_DIR:-$here/../../artifacts/corpus}"
mkdir -p "$out"
stamp="$(cat "$here"/generate.sh "$here"/write_python.py "$here"/write_node.js "$here"/manifest.json | sha256sum | cut -c1-16)"
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ]; then
  echo "[corpus] up to date in $out"
  exit 0
fi

need=()
/usr/bin/python3 -c 'import xlsxwriter' 2>/dev/null || need+=(python3-xlsxwriter)
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "[corpus] installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# npm writers, pinned, in a folder of their own (node_modules is ignored by git).
npm_dir="$here/.node"
if [ ! -d "$npm_dir/node_modules/xlsx" ] || [ ! -d "$npm_dir/node_modules/exceljs" ]; then
  mkdir -p "$npm_dir"
  (cd "$npm_dir" && [ -f package.json ] || echo '{"private":true}' > package.json)
  (cd "$npm_dir" && npm install --no-audit --no-fund --silent xlsx@0.18.5 exceljs@4.4.0)
fi

rm -f "$out"/*.xlsx "$out"/*.xlsb "$out"/*.xls "$out"/*.ods "$out"/*.csv
/usr/bin/python3 "$here/write_python.py" "$out"
NODE_PATH="$npm_dir/node_modules" node "$here/write_node.js" "$out"

# LibreOffice Calc re-saves XlsxWriter's list in its own formats (a private profile: no clash with a running one).
profile="$(mktemp -d)"
for format in xls ods xlsx; do
  mkdir -p "$out/lo-$format"
  soffice -env:UserInstallation="file://$profile" --headless --convert-to "$format" --outdir "$out/lo-$format" \
    "$out/xlsxwriter-plain.xlsx" >/dev/null 2>&1
  mv "$out/lo-$format/xlsxwriter-plain.$format" "$out/libreoffice.$format"
  rmdir "$out/lo-$format"
done
rm -rf "$profile"

# No writer here encrypts a workbook (Debian's msoffcrypto-tool 5.0 only decrypts; LibreOffice's convert-to takes
# no password): the password-protected case is a compound document built in the Api tests.

cp "$here/manifest.json" "$out/manifest.json"
for file in $(/usr/bin/python3 -c 'import json,sys; print(" ".join(e["file"] for e in json.load(open(sys.argv[1]))))' "$here/manifest.json"); do
  [ -f "$out/$file" ] || { echo "[corpus] $file was not written" >&2; exit 1; }
done
echo "$stamp" > "$out/.stamp"
echo "[corpus] $(ls "$out" | grep -vc manifest) files in $out"
