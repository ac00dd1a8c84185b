#!/usr/bin/env bash
# The test command of the README: builds everything and runs every test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
swift test
