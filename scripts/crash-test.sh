#!/usr/bin/env bash
# Crash test: SIGKILL impactd at random moments under a stream of acknowledged writes, restart
# it, and check that no acknowledged write was lost and that the database is intact.
#
#   scripts/crash-test.sh [--rounds R] [--writers W] [--seed N] [--durability full|normal]
#                         [--max-kill-delay SECONDS] [--workdir DIR]
#
# Default 5 rounds (CI); more by argument, e.g. --rounds 50. Builds impactd (debug, or the
# configuration in IMPACT_BUILD_CONFIGURATION), uses the venv .build/interop-venv (created on
# first use from PyPI), generates the Python stubs from Proto/ and runs
# Tests/Interop/crash_writer.py. Bounded by `timeout`: CRASH_TEST_TIMEOUT seconds, by default
# 120 plus 60 per round. Exits non-zero on any lost write.
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
  IMPACT_CRASH_TEST_BOUNDED=1 exec timeout --kill-after=10 "${CRASH_TEST_TIMEOUT:-$((120 + 60 * rounds))}" "$0" "$@"
fi

configuration="${IMPACT_BUILD_CONFIGURATION:-debug}"
swift build -c "$configuration" --product impactd
impactd="$(swift build -c "$configuration" --show-bin-path)/impactd"

venv=.build/interop-venv
if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import grpc, grpc_tools, grpc_health, pytest" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check \
    grpcio grpcio-tools grpcio-health-checking pytest
fi

stubs="$(mktemp -d "${TMPDIR:-/tmp}/impact-crash-stubs.XXXXXX")"
trap 'rm -rf "$stubs"' EXIT
(
  cd Proto
  "../$venv/bin/python" -m grpc_tools.protoc -I . --python_out="$stubs" --grpc_python_out="$stubs" \
    impact/v1/*.proto grpc/health/v1/health.proto
)

"$venv/bin/python" Tests/Interop/crash_writer.py --impactd "$impactd" --stubs "$stubs" "$@"
