#!/usr/bin/env bash
# Command one: from a clean clone to Latch running. Installs what is missing, builds, then
# starts the Electron app when it can run here (an Electron binary and a display), otherwise
# the broker with the browser UI on 127.0.0.1 (headless dev boxes, CI machines).
# Extra arguments go to `latch ui` (e.g. --port 7777 --no-open).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node scripts/build.mjs

electron_binary() { node -e "try{const p=require('electron');process.exit(typeof p==='string'&&require('fs').existsSync(p)?0:1)}catch{process.exit(1)}" 2>/dev/null; }
has_display() { [[ "$(uname -s)" == Darwin || -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; }

if electron_binary && has_display && [[ -z "${LATCH_HEADLESS:-}" ]]; then
  exec npx electron-forge start
fi
echo "latch: Electron cannot run here (no Electron binary or no display): starting the broker and the browser UI." >&2
if node bin/latch.cjs ui --help >/dev/null 2>&1; then
  exec node bin/latch.cjs ui "$@"
fi
node bin/latch.cjs daemon start
node bin/latch.cjs status
