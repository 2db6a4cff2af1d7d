#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (no browser download at run time).
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
  echo "[browser] installing chromium" >&2
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
