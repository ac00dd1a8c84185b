#!/usr/bin/env bash
# The main job on a fresh machine: builds impactd and impact, starts the daemon on its
# embedded SQLite with the sample portfolio, shows real scores, ranking and coverage through
# the CLI, and stops the daemon. Its temporary folder is removed on exit; set IMPACT_DEMO_DIR
# to keep the database (and the daemon's log) in a folder of your choice instead.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! dpkg -s libsqlite3-dev >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "demo: installing libsqlite3-dev (needed by GRDB)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libsqlite3-dev
  else
    echo "demo: libsqlite3-dev is missing (needed by GRDB): sudo apt-get install libsqlite3-dev" >&2
    exit 1
  fi
fi

swift build --product impactd
swift build --product impact
bin=$(swift build --show-bin-path)

if [ -n "${IMPACT_DEMO_DIR:-}" ]; then
  dir=$IMPACT_DEMO_DIR
  keep=1
else
  dir=$(mktemp -d "${TMPDIR:-/tmp}/impact-demo.XXXXXX")
  keep=0
fi
mkdir -p "$dir"
daemon=
cleanup() {
  if [ -n "$daemon" ]; then
    kill -TERM "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
  fi
  if [ "$keep" = 0 ]; then rm -rf "$dir"; fi
}
trap cleanup EXIT
"$bin/impactd" --demo --listen 127.0.0.1:0 --database "$dir/impact.sqlite" >"$dir/impactd.out" 2>"$dir/impactd.log" &
daemon=$!

for _ in $(seq 1 300); do
  address=$(sed -n 's/^listening //p' "$dir/impactd.out")
  [ -n "$address" ] && break
  kill -0 $daemon 2>/dev/null || { cat "$dir/impactd.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$address" ] || { echo "demo: impactd did not start" >&2; exit 1; }
export IMPACT_SERVER=$address

run() {
  printf '\n$ impact %s\n' "$*"
  "$bin/impact" "$@"
}

# Wait until the sample portfolio is loaded (health SERVING).
for _ in $(seq 1 100); do "$bin/impact" status --check >/dev/null 2>&1 && break; sleep 0.1; done

run status
run rank --top 10
run score pension-de-famille-rennes
run compare pension-de-famille-rennes hebergement-urgence-paris-13 atelier-velo-nantes
run portfolio
run coverage
run whatif --add examples/new-project.json
run framework check --programme Tiers-lieux
run map --programme Tiers-lieux --lang fr

if [ "$keep" = 1 ]; then
  printf '\nimpactd ran at %s with its database in %s (kept); stopping it.\n' "$address" "$dir"
else
  printf '\nimpactd ran at %s on a temporary database; stopping it and removing %s.\n' "$address" "$dir"
fi
