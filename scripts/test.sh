#!/usr/bin/env bash
# The test command of the README: builds everything, runs every Swift test suite (unit,
# in-process gRPC, real-process end-to-end), the reports in a real browser (headless Chromium:
# no console error, no request, the portfolio's figures in the page), then the external-client interop test (Python
# grpcio against a real impactd), the fault tests with a short kill -9 crash test, the
# fuzzers with their CI budget, and the README's examples against real output. The Swift
# tests run one at a time (on 2 cores, 550 tests at once starved the in-process daemons of
# the timing-bound tests past their limits) and, with the fault tests, beside a throwaway
# PostgreSQL server (scripts/with-postgres.sh) for the PostgreSQL suites (three daemons on one
# database, kill -9, a PostgreSQL restart).
#
# Beyond Swift it needs Debian's libsqlite3-dev, sqlite3 and postgresql, python3 with venv (Debian:
# python3-venv) and PyPI access for the Python clients (grpcio, pytest); run as root it
# installs what is missing with apt-get, as .ci/run does.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh
swift build
scripts/with-postgres.sh swift test --no-parallel
scripts/report-check.sh
scripts/interop-python.sh
scripts/with-postgres.sh scripts/fault-test.sh
scripts/fuzz.sh
scripts/check-readme.sh
