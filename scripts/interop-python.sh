#!/usr/bin/env bash
# An external client against the real impactd: Python grpcio (and the stock
# grpcio-health-checking client) with stubs generated from Proto/, run by pytest.
#
#   scripts/interop-python.sh [pytest arguments...]
#
# Builds impactd (debug, or the configuration in IMPACT_BUILD_CONFIGURATION), creates the venv
# .build/interop-venv on first use (PyPI: grpcio, grpcio-tools, grpcio-health-checking,
# grpcio-reflection, pytest),
# generates the Python stubs into a temporary folder and runs Tests/Interop/test_interop.py (with
# the streamed export, the summary's largest contributions and server reflection) and
# test_cids_export.py (impact export --format cids expanded by pyld).
# The whole run is bounded by `timeout` (INTEROP_TIMEOUT seconds, default 300).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${IMPACT_INTEROP_BOUNDED:-}" ]]; then
  IMPACT_INTEROP_BOUNDED=1 exec timeout --kill-after=10 "${INTEROP_TIMEOUT:-300}" "$0" "$@"
fi

source scripts/python-client-setup.sh
prepare_python_client impact-interop

swift build -c "${IMPACT_BUILD_CONFIGURATION:-debug}" --product impact
impact="$(swift build -c "${IMPACT_BUILD_CONFIGURATION:-debug}" --show-bin-path)/impact"

IMPACTD="$impactd" IMPACT="$impact" IMPACT_STUBS="$stubs" \
  "$venv/bin/python" -m pytest -p no:cacheprovider Tests/Interop/test_interop.py Tests/Interop/test_cids_export.py "$@"
