#!/usr/bin/env bash
# Sends malformed requests to a real in-process impactd (Sources/FuzzRequests, see
# docs/fuzzing.md) and checks its invariants after every input.
#
#   scripts/fuzz-requests.sh                    # CI budget: 2000 inputs or 60 s, debug build
#   scripts/fuzz-requests.sh --inputs 50000 --release --seconds 1800   # a long run
#   scripts/fuzz-requests.sh --seed 7           # another sequence of inputs
#   scripts/fuzz-requests.sh -- --tame-timestamps --exclude CompareProjects   # extra options
#
# Options after `--` go to impact-fuzz-requests unchanged (--help lists them). Exits 1 when an
# invariant broke, or with the signal's status when the daemon crashed the process; the input
# in flight is then in .build/fuzz/request-findings/in-flight.{bin,txt}.
set -euo pipefail

cd "$(dirname "$0")/.."

inputs=2000
seconds=60
seed=1
configuration=debug
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --inputs) inputs="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --release) configuration=release; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "fuzz-requests: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done

mkdir -p .build/fuzz
if ! swift build -c "$configuration" --product impact-fuzz-requests >.build/fuzz/build-requests.log 2>&1; then
  cat .build/fuzz/build-requests.log >&2
  echo "fuzz-requests: the build failed" >&2
  exit 1
fi
binary="$(swift build -c "$configuration" --show-bin-path)/impact-fuzz-requests"
[ -x "$binary" ] || { echo "fuzz-requests: $binary was not built" >&2; exit 1; }

findings=.build/fuzz/request-findings
mkdir -p "$findings"
set +e
"$binary" --inputs "$inputs" --seconds "$seconds" --seed "$seed" --findings "$findings" "${extra[@]}"
status=$?
set -e
if [ "$status" -gt 128 ] && [ -f "$findings/in-flight.txt" ]; then
  echo "fuzz-requests: the process died (signal $((status - 128))) on: $(cat "$findings/in-flight.txt")" >&2
  echo "  bytes: $findings/in-flight.bin; replay: $binary --replay $findings/in-flight.bin --method <method above>" >&2
fi
exit "$status"
