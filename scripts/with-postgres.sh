#!/usr/bin/env bash
# Run a command next to a PRIVATE, throwaway PostgreSQL cluster (tests of the postgres
# credential provider). The cluster lives in a temporary folder, listens on a free
# 127.0.0.1 port and a private unix socket, and is stopped and deleted afterwards.
#   scripts/with-postgres.sh CMD ARGS...
# Nests either way with scripts/with-keyring.sh.
# The command gets:
#   LATCH_TEST_PG_HOST LATCH_TEST_PG_PORT LATCH_TEST_PG_DATABASE (app, with table public.orders)
#   LATCH_TEST_PG_ADMIN_USER LATCH_TEST_PG_ADMIN_PASSWORD (a superuser; scram-sha-256 over TCP)
#   LATCH_TEST_PG_SOCKET_DIR (trust auth, only reachable by root and the cluster's OS user)
# Options (env): LATCH_PG_BIN (default /usr/lib/postgresql/15/bin), LATCH_KEEP_PG=1 keeps
# the folder (data + postgres.log) for inspection.
# Runs as root (the cluster then runs as the `postgres` OS user: initdb refuses root) or
# as any other user. Exits 127 if PostgreSQL's binaries are missing.
set -euo pipefail

PG_BIN=${LATCH_PG_BIN:-/usr/lib/postgresql/15/bin}
for tool in initdb pg_ctl psql; do
  if [[ ! -x "$PG_BIN/$tool" ]]; then
    echo "with-postgres: $PG_BIN/$tool not found: install PostgreSQL 15 (apt-get install postgresql, see RECIPES.md) or set LATCH_PG_BIN" >&2
    exit 127
  fi
done
if [[ $# -eq 0 ]]; then
  echo "usage: scripts/with-postgres.sh CMD ARGS..." >&2
  exit 2
fi

PG_OS_USER=
if [[ $(id -u) -eq 0 ]]; then
  PG_OS_USER=${LATCH_PG_OS_USER:-postgres}
  id "$PG_OS_USER" >/dev/null 2>&1 || { echo "with-postgres: running as root but OS user '$PG_OS_USER' does not exist (initdb refuses root)" >&2; exit 1; }
fi

PG_TMP=$(mktemp -d /tmp/latch-pg.XXXXXX)
PG_DATA=$PG_TMP/data
PG_SOCK=$PG_TMP/sock
PG_LOG=$PG_TMP/postgres.log
PG_STARTED=

# Run a PostgreSQL tool as the cluster's OS user, from a folder it can read.
as_pg() {
  if [[ -n "$PG_OS_USER" ]]; then
    (cd "$PG_TMP" && runuser -u "$PG_OS_USER" -- env HOME="$PG_TMP" "$@")
  else
    (cd "$PG_TMP" && "$@")
  fi
}

cleanup() {
  local rc=$?
  if [[ -n "$PG_STARTED" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
  fi
  if [[ -n "${LATCH_KEEP_PG:-}" ]]; then
    echo "with-postgres: kept $PG_TMP" >&2
  else
    rm -rf "$PG_TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$PG_SOCK"
chmod 700 "$PG_TMP" "$PG_SOCK"
PG_ADMIN_USER=latch_admin
PG_ADMIN_PASSWORD=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
printf '%s\n' "$PG_ADMIN_PASSWORD" >"$PG_TMP/pwfile"
chmod 600 "$PG_TMP/pwfile"
[[ -z "$PG_OS_USER" ]] || chown -R "$PG_OS_USER": "$PG_TMP"

# The superuser's password is set by initdb from a file (never on a command line).
if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_ADMIN_USER" --pwfile="$PG_TMP/pwfile" \
  --auth-local=trust --auth-host=scram-sha-256 --no-locale --encoding=UTF8 --no-sync >"$PG_TMP/initdb.log" 2>&1; then
  echo "with-postgres: initdb failed:" >&2
  tail -n 20 "$PG_TMP/initdb.log" >&2
  exit 1
fi
rm -f "$PG_TMP/pwfile"

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close();});'
}

# A free port can be taken between the probe and the start: try a few.
PG_PORT=
for _attempt in 1 2 3 4 5; do
  port=$(free_port)
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
    -o "-k $PG_SOCK -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null 2>&1; then
    PG_PORT=$port
    PG_STARTED=1
    break
  fi
  # A failed start may have left a postmaster half-up: make sure it is down before retrying.
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
done
if [[ -z "$PG_PORT" ]]; then
  echo "with-postgres: PostgreSQL did not start; end of $PG_LOG:" >&2
  tail -n 20 "$PG_LOG" >&2 || true
  exit 1
fi

psql_admin() {
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U "$PG_ADMIN_USER" "$@"
}
psql_admin -d postgres -c 'CREATE DATABASE app' >/dev/null
psql_admin -d app >/dev/null <<'SQL'
CREATE TABLE public.orders (id serial PRIMARY KEY, item text NOT NULL, quantity integer NOT NULL DEFAULT 1);
INSERT INTO public.orders (item, quantity) VALUES ('apple', 3), ('pear', 1);
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id serial PRIMARY KEY, total numeric NOT NULL);
INSERT INTO billing.invoices (total) VALUES (42);
SQL

export LATCH_TEST_PG_HOST=127.0.0.1 LATCH_TEST_PG_PORT=$PG_PORT LATCH_TEST_PG_DATABASE=app \
  LATCH_TEST_PG_ADMIN_USER=$PG_ADMIN_USER LATCH_TEST_PG_ADMIN_PASSWORD=$PG_ADMIN_PASSWORD \
  LATCH_TEST_PG_SOCKET_DIR=$PG_SOCK
echo "with-postgres: PostgreSQL $("$PG_BIN/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (database app)" >&2

# The command runs in the background so a TERM/INT sent to this script is passed on at once
# (and the cluster is then removed) instead of waiting for the command to end by itself.
"$@" <&0 &
child=$!
trap 'kill -TERM "$child" 2>/dev/null || true' TERM
trap 'kill -INT "$child" 2>/dev/null || true' INT
rc=0
wait "$child" || rc=$?
while kill -0 "$child" 2>/dev/null; do
  rc=0
  wait "$child" || rc=$?
done
exit "$rc"
