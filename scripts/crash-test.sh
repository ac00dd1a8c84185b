#!/usr/bin/env bash
# Crash test: SIGKILL impactd at random moments under a stream of acknowledged writes, restart
# it, and check that no acknowledged write was lost and that the database is intact.
#
#   scripts/crash-test.sh [--rounds KILLS] [--max-seconds S] [--writers W] [--seed N]
#                         [--durability full|normal] [--max-kill-delay SECONDS]
#                         [--kills-per-database K] [--live-projects P] [--workdir DIR]
#
# Default 5 kills (CI); the long run is e.g. `--rounds 1000 --max-seconds 3600 --max-kill-delay 0.5`
# (about 1.5 s per kill with a debug build). Builds impactd (debug, or the configuration in
# IMPACT_BUILD_CONFIGURATION), reuses the venv and stubs of interop-python.sh and runs
# Tests/Interop/crash_writer.py, which prints the counts (kills, acknowledged writes, lost = 0,
# integrity checks). Bounded by `timeout`: CRASH_TEST_TIMEOUT seconds, by default 300 plus 5 per
# kill. Exits non-zero on any lost write or failed integrity check.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${IMPACT_CRASH_TEST_BOUNDED:-}" ]]; then
  rounds=5
  arguments=("$@")
  for ((i = 0; i < ${#arguments[@]}; i++)); do
    if [[ "${arguments[$i]}" == "--rounds" && $((i + 1)) -lt ${#arguments[@]} ]]; then
      rounds="${arguments[$((i + 1))]}"
    fi
  done
  IMPACT_CRASH_TEST_BOUNDED=1 exec timeout --kill-after=10 "${CRASH_TEST_TIMEOUT:-$((300 + 5 * rounds))}" "$0" "$@"
fi

source scripts/python-client-setup.sh
prepare_python_client impact-crash

"$venv/bin/python" Tests/Interop/crash_writer.py --impactd "$impactd" --stubs "$stubs" "$@"
