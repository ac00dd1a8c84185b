#!/usr/bin/env bash
# The test command of the README: builds everything, runs every Swift test suite (unit,
# in-process gRPC, real-process end-to-end), then the external-client interop test (Python
# grpcio against a real impactd) and a short kill -9 crash test.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
scripts/interop-python.sh
scripts/fault-test.sh
