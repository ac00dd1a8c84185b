#!/usr/bin/env bash
# Runs both fuzzers (see docs/fuzzing.md): libFuzzer on the exchange formats, then malformed
# requests against an in-process daemon.
#
#   scripts/fuzz.sh          # CI budget: about 60 s of libFuzzer + 2000 requests or 60 s
#   scripts/fuzz.sh --long   # 10 min per format target + 30 min of requests (release build)
#
# Exits non-zero when either finds a crash, a hang or a broken invariant; both always run.
set -uo pipefail

cd "$(dirname "$0")/.."

formats=(--seconds 20)
requests=(--inputs 2000 --seconds 60)
case "${1:-}" in
  --long) formats=(--seconds 600); requests=(--release --inputs 1000000 --seconds 1800) ;;
  "") ;;
  *) echo "fuzz: unknown argument $1 (use --long or nothing)" >&2; exit 2 ;;
esac

scripts/fuzz-formats.sh "${formats[@]}"
formats_status=$?
scripts/fuzz-requests.sh "${requests[@]}"
requests_status=$?

echo "fuzz: formats exit $formats_status, requests exit $requests_status"
[ "$formats_status" -eq 0 ] && [ "$requests_status" -eq 0 ]
