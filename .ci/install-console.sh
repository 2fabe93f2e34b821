#!/usr/bin/env bash
# Installs what the console's browser test needs on a fresh Debian machine (run as root); safe to run again.
# Chromium and ffmpeg come from Debian's packages, the players and playwright-core from console/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update
  apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}"
fi

command -v npm >/dev/null 2>&1 || { echo "install-console: node and npm are needed (Node 20)" >&2; exit 1; }
npm ci --prefix console --no-audit --no-fund
