#!/usr/bin/env bash
# Fault tests against the real impactd: a full database, a read-only database, clients killed
# mid-stream, SIGTERM under load (Tests/Faults, pytest + grpcio), then the kill -9 crash test.
#
#   scripts/fault-test.sh [--long] [pytest arguments...]
#
# Short (CI): the pytest suite and 5 SIGKILLs of the crash test. --long: the suite with 30
# rounds of vanishing clients (300 killed clients), then at least 1000 SIGKILLs
# (FAULT_LONG_KILLS, default 1000) of the crash test within FAULT_LONG_SECONDS (default 3600).
# Builds impactd (debug, or IMPACT_BUILD_CONFIGURATION) and reuses the venv and stub generation
# of interop-python.sh (scripts/python-client-setup.sh).
# The whole run is bounded by `timeout` (FAULT_TEST_TIMEOUT seconds: default 900, or 5400 with
# --long). Results are described in docs/faults.md.
set -euo pipefail
cd "$(dirname "$0")/.."

long=0
pytest_arguments=()
for argument in "$@"; do
  if [[ "$argument" == "--long" ]]; then long=1; else pytest_arguments+=("$argument"); fi
done

if [[ -z "${IMPACT_FAULT_BOUNDED:-}" ]]; then
  default_limit=900
  if ((long)); then default_limit=5400; fi
  IMPACT_FAULT_BOUNDED=1 exec timeout --kill-after=10 "${FAULT_TEST_TIMEOUT:-$default_limit}" "$0" "$@"
fi

source scripts/python-client-setup.sh
prepare_python_client impact-faults

if ((long)); then
  export FAULT_VANISHING_ROUNDS="${FAULT_VANISHING_ROUNDS:-30}"
fi
IMPACTD="$impactd" IMPACT_STUBS="$stubs" \
  "$venv/bin/python" -m pytest -p no:cacheprovider -q -s Tests/Faults "${pytest_arguments[@]}"

if ((long)); then
  crash_arguments=(--rounds "${FAULT_LONG_KILLS:-1000}" --max-seconds "${FAULT_LONG_SECONDS:-3600}" --max-kill-delay 0.5)
else
  crash_arguments=(--rounds 5)
fi
"$venv/bin/python" Tests/Interop/crash_writer.py --impactd "$impactd" --stubs "$stubs" "${crash_arguments[@]}"
