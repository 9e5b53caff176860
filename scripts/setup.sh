#!/usr/bin/env bash
# Install what Latch needs on this machine: system packages (Debian/Ubuntu via apt, macOS via
# Homebrew where needed) and the npm dependencies (npm ci). Safe to run again: it skips what
# is already there. Used by scripts/up.sh, scripts/test.sh and .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=${ELECTRON_SKIP_BINARY_DOWNLOAD:-}
say() { printf 'latch setup: %s\n' "$*" >&2; }

APT_PACKAGES=(libsecret-1-dev gnome-keyring dbus-daemon dbus-x11 libsecret-tools chromium xvfb postgresql git python3 make g++ pkg-config)
# Which command or file proves each package is installed (so a warm machine skips apt).
declare -A PROBE=(
  [libsecret-1-dev]=/usr/include/libsecret-1/libsecret/secret.h [gnome-keyring]=gnome-keyring-daemon
  [dbus-daemon]=dbus-run-session [dbus-x11]=dbus-launch [libsecret-tools]=secret-tool [chromium]=chromium
  [xvfb]=Xvfb [postgresql]=/usr/lib/postgresql [git]=git [python3]=python3 [make]=make [g++]=g++ [pkg-config]=pkg-config
)

install_linux() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    local probe=${PROBE[$pkg]}
    if [[ $probe == /* ]]; then [[ -e $probe ]] || missing+=("$pkg"); else command -v "$probe" >/dev/null || missing+=("$pkg"); fi
  done
  [[ ${#missing[@]} -eq 0 ]] && return
  command -v apt-get >/dev/null || { say "missing ${missing[*]}; install them with your package manager"; exit 1; }
  local sudo=''
  [[ $(id -u) -eq 0 ]] || sudo='sudo'
  say "installing system packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

case "$(uname -s)" in
  Linux) install_linux ;;
  Darwin) command -v node >/dev/null || { say 'install Node 20+ first (e.g. brew install node@20)'; exit 1; } ;;
esac

command -v node >/dev/null || { say 'Node.js 20.19+ is required (https://nodejs.org or your package manager)'; exit 1; }
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
  || { say "Node.js 20.19+ is required (found $(node -v))"; exit 1; }

# npm ci when node_modules is missing or older than the lockfile.
if [[ ! -d node_modules || package-lock.json -nt node_modules/.package-lock.json ]]; then
  say 'installing npm dependencies (npm ci)'
  if ! npm ci --no-audit --no-fund; then
    # Electron's postinstall downloads its binary; where that is impossible (no internet but
    # the npm registry), install without it: Latch then runs headless (broker + browser UI).
    [[ -n "$ELECTRON_SKIP_BINARY_DOWNLOAD" ]] && exit 1
    say 'npm ci failed (the Electron binary could not be downloaded?): retrying without Electron'
    ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
fi
