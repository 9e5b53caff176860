#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked gnome-keyring (a real
# Secret Service) and a throwaway HOME, so tests and benchmarks never touch your keyring.
#   scripts/with-keyring.sh CMD ARGS...
# LATCH_KEEP_HOME=1 keeps the temporary HOME for inspection.
set -euo pipefail
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || { echo "with-keyring: $tool not found (run: npm run setup)" >&2; exit 127; }
done
if [[ -z "${LATCH_KEYRING_INNER:-}" ]]; then
  LATCH_TEST_HOME=$(mktemp -d /tmp/latch-home.XXXXXX)
  export LATCH_TEST_HOME
  export HOME=$LATCH_TEST_HOME XDG_DATA_HOME=$LATCH_TEST_HOME/.local/share XDG_CACHE_HOME=$LATCH_TEST_HOME/.cache \
    XDG_STATE_HOME=$LATCH_TEST_HOME/.local/state XDG_CONFIG_HOME=$LATCH_TEST_HOME/.config XDG_RUNTIME_DIR=$LATCH_TEST_HOME/run
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  export LATCH_KEYRING_INNER=1 KEYRING_PW=${KEYRING_PW:-latch-test}
  cleanup() { [[ -n "${LATCH_KEEP_HOME:-}" ]] || rm -rf "$LATCH_TEST_HOME"; }
  trap cleanup EXIT
  dbus-run-session -- "$0" "$@"
  exit $?
fi
# Inside the private session: start and unlock the keyring, then run the command.
eval "$(echo -n "$KEYRING_PW" | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
