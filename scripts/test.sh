#!/usr/bin/env bash
# The test command of the README: builds everything, runs every Swift test suite (unit,
# in-process gRPC, real-process end-to-end), then the external-client interop test (Python
# grpcio against a real impactd), the fault tests with a short kill -9 crash test, and the
# fuzzers with their CI budget.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
scripts/interop-python.sh
scripts/fault-test.sh
scripts/fuzz.sh
