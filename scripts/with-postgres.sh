#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server beside it:
#
#   scripts/with-postgres.sh COMMAND [ARGUMENTS...]
#
# Creates a cluster in a temporary directory (initdb, as the `postgres` user when run as root,
# since PostgreSQL refuses to run as root), starts it on a free loopback port (127.0.0.1
# only, no other socket than one in that directory), creates the role `impact` (it may create
# databases) with a random password and the database `impact_test`, and runs COMMAND with
#
#   IMPACT_TEST_POSTGRES_URL=postgres://impact@127.0.0.1:PORT/impact_test?sslmode=disable
#   PGPASSWORD=<the password>
#   IMPACT_TEST_POSTGRES_DATA, IMPACT_TEST_PG_CTL, IMPACT_TEST_PG_OPTIONS, IMPACT_TEST_PG_LOG
#     (to stop and start the server in a fault test)
#
# Whatever happens (COMMAND fails, the script is interrupted), the server is stopped and the
# directory removed. Starting and stopping are bounded (POSTGRES_START_LIMIT, default 60 s);
# COMMAND is not (it has its own limits). Needs Debian's postgresql package (scripts/
# install-packages.sh installs it).
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: scripts/with-postgres.sh COMMAND [ARGUMENTS...]" >&2
  exit 64
fi

bin=""
for candidate in /usr/lib/postgresql/*/bin; do
  [[ -x "$candidate/initdb" ]] && bin="$candidate"
done
if [[ -z "$bin" ]]; then
  bin="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"
fi
if [[ ! -x "$bin/initdb" || ! -x "$bin/pg_ctl" ]]; then
  echo "with-postgres: PostgreSQL's initdb and pg_ctl are missing; install them with: sudo apt-get install postgresql" >&2
  exit 69
fi

limit="${POSTGRES_START_LIMIT:-60}"
directory="$(mktemp -d /tmp/impact-postgres.XXXXXX)"
chmod 755 "$directory"
as_owner=()
if [[ "$(id -u)" -eq 0 ]]; then
  chown postgres: "$directory"
  as_owner=(runuser -u postgres --)
fi

stop() {
  if [[ -f "$directory/data/postmaster.pid" ]]; then
    timeout "$limit" "${as_owner[@]}" "$bin/pg_ctl" -D "$directory/data" -m fast -w stop >/dev/null 2>&1 ||
      pkill -KILL -f "$directory/data" || true
  fi
  rm -rf "$directory"
}
trap stop EXIT
trap 'exit 130' INT TERM

password="$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

timeout "$limit" "${as_owner[@]}" "$bin/initdb" -D "$directory/data" -U postgres --auth-local=trust \
  --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$directory/initdb.log" 2>&1 || {
  cat "$directory/initdb.log" >&2
  exit 70
}
options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$directory -c fsync=on"
timeout "$limit" "${as_owner[@]}" "$bin/pg_ctl" -D "$directory/data" -l "$directory/server.log" -w \
  -o "$options" start >/dev/null || {
  cat "$directory/server.log" >&2
  exit 70
}
psql_admin=("${as_owner[@]}" psql -X -q -v ON_ERROR_STOP=1 -h "$directory" -p "$port" -U postgres -d postgres)
timeout "$limit" "${psql_admin[@]}" -c "CREATE ROLE impact LOGIN CREATEDB PASSWORD '$password'" \
  -c "CREATE DATABASE impact_test OWNER impact" >/dev/null

echo "with-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($directory)" >&2
export IMPACT_TEST_POSTGRES_URL="postgres://impact@127.0.0.1:$port/impact_test?sslmode=disable"
export PGPASSWORD="$password"
# What a fault test needs to stop and start the server mid-traffic: `$IMPACT_TEST_PG_CTL -D
# "$IMPACT_TEST_POSTGRES_DATA" -m fast -w stop`, then `... -o "$IMPACT_TEST_PG_OPTIONS" -l
# "$IMPACT_TEST_PG_LOG" -w start`. The role may create databases (one per test).
export IMPACT_TEST_POSTGRES_DATA="$directory/data"
export IMPACT_TEST_PG_CTL="${as_owner[*]} $bin/pg_ctl"
export IMPACT_TEST_PG_OPTIONS="$options"
export IMPACT_TEST_PG_LOG="$directory/server.log"
status=0
"$@" || status=$?
exit "$status"
