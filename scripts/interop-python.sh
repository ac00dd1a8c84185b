#!/usr/bin/env bash
# An external client against the real impactd: Python grpcio (and the stock
# grpcio-health-checking client) with stubs generated from Proto/, run by pytest.
#
#   scripts/interop-python.sh [pytest arguments...]
#
# Builds impactd (debug, or the configuration in IMPACT_BUILD_CONFIGURATION), creates the venv
# .build/interop-venv on first use (PyPI: grpcio, grpcio-tools, grpcio-health-checking, pytest),
# generates the Python stubs into a temporary folder and runs Tests/Interop/test_interop.py.
# The whole run is bounded by `timeout` (INTEROP_TIMEOUT seconds, default 300).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${IMPACT_INTEROP_BOUNDED:-}" ]]; then
  IMPACT_INTEROP_BOUNDED=1 exec timeout --kill-after=10 "${INTEROP_TIMEOUT:-300}" "$0" "$@"
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

stubs="$(mktemp -d "${TMPDIR:-/tmp}/impact-interop-stubs.XXXXXX")"
trap 'rm -rf "$stubs"' EXIT
(
  cd Proto
  # grpc_tools adds the well-known types (google/protobuf/*.proto) to the include path itself.
  "../$venv/bin/python" -m grpc_tools.protoc -I . --python_out="$stubs" --grpc_python_out="$stubs" \
    impact/v1/*.proto grpc/health/v1/health.proto
)

IMPACTD="$impactd" IMPACT_STUBS="$stubs" \
  "$venv/bin/python" -m pytest -p no:cacheprovider Tests/Interop/test_interop.py "$@"
