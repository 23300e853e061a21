#!/usr/bin/env bash
# Runs a command with a private PostgreSQL server: initdb in a temporary directory, a free
# port on 127.0.0.1, trust authentication for user xaso. Exports XASO_TEST_PG_URL and stops
# the server afterwards, whatever the command's outcome. PostgreSQL refuses to run as root,
# so as root the server runs as the `postgres` system user.
set -euo pipefail

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x "$PGBIN/initdb" ]] || { echo "with_postgres: PostgreSQL server binaries not found" >&2; exit 1; }

DIR=$(mktemp -d /tmp/xaso-pg.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[[ $(id -u) -eq 0 ]] && chown postgres "$DIR"
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

as_pg "$PGBIN/initdb" -D "$DIR/data" -A trust -U xaso -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export XASO_TEST_PG_URL="postgresql://xaso@127.0.0.1:$PORT/postgres"
echo "with_postgres: PostgreSQL on port $PORT"
"$@"
