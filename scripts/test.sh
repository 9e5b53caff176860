#!/usr/bin/env bash
# The whole test suite (what `npm test` and CI run): build, lint, type-check, unit tests,
# then integration and end-to-end tests inside a private D-Bus session with a real,
# unlocked gnome-keyring (scripts/with-keyring.sh). Extra args go to every vitest run.
set -euo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step setup
bash scripts/setup.sh
step build
node scripts/build.mjs
step lint
npx eslint .
step typecheck
npm run --silent typecheck
step "unit tests"
npx vitest run --project unit "$@"
step "integration and e2e tests (private keyring session, private PostgreSQL)"
scripts/with-keyring.sh scripts/with-postgres.sh npx vitest run --project integration --project e2e "$@"
