#!/usr/bin/env bash
# Daemon benchmarks (issue 3 item 5), in release mode:
#   scripts/bench-daemon.sh [--projects N] [--requests K] [--concurrency C] [--chunk M] [--startups S]
#   scripts/bench-daemon.sh --history [--projects N] [--revisions R]   (snapshots, --at, diff)
#   scripts/bench-daemon.sh --large-import [--projects N]   (impact import against floors, memory, scheme set, export)
# GetProjectScore latency and throughput against a bare echo RPC, import of N projects,
# start-up of a real impactd on a database of N projects, and its resident memory.
# The first release build of the whole graph takes several minutes. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product impactd
swift build -c release --product impact
swift build -c release --product impact-bench-daemon
bin="$(swift build -c release --show-bin-path)"
exec timeout --kill-after=10 "${BENCH_TIMEOUT:-1800}" "$bin/impact-bench-daemon" --impactd "$bin/impactd" "$@"
