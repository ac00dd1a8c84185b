#!/usr/bin/env bash
# Fuzzes the exchange-format readers with libFuzzer + AddressSanitizer (see docs/fuzzing.md):
#   portfolio-json  PortfolioJSON.decode / decodeProject
#   portfolio-csv   PortfolioCSV.decode (three tables separated by NUL bytes)
#   scheme-json     SchemeJSON.decode
# Each target is the whole of Sources/Analytics compiled with one entry file of Fuzz/Formats/
# by swiftc (-O -sanitize=fuzzer,address), into .build/fuzz/; it is rebuilt only when a source
# is newer than it. Seeds come from the repository's fixtures and examples plus
# Fuzz/Formats/Seeds, copied into a fresh temporary corpus on every run.
#
#   scripts/fuzz-formats.sh                 # CI budget: 20 s per target, about 60 s in all
#   scripts/fuzz-formats.sh --seconds 600   # a long run: 600 s per target
#   scripts/fuzz-formats.sh --runs 100000   # a fixed number of inputs per target
#   scripts/fuzz-formats.sh --target scheme-json --seconds 60
#
# Fails (exit 1) on any crash, broken invariant (a trap), memory error, leak, input slower than
# 5 s (-timeout=5) or RSS above 2 GiB. Crash inputs are kept under .build/fuzz/artifacts/.
# Prints, per target, the number of inputs executed (libFuzzer's stat::number_of_executed_units).
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)

budget_flag="-max_total_time=20"
budget_text="20 s per target"
targets="portfolio-json portfolio-csv scheme-json"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) budget_flag="-runs=$2"; budget_text="$2 inputs per target"; shift 2 ;;
    --seconds) budget_flag="-max_total_time=$2"; budget_text="$2 s per target"; shift 2 ;;
    --target) targets="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "fuzz-formats: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done

build_dir="$root/.build/fuzz"
artifacts="$build_dir/artifacts"
mkdir -p "$build_dir" "$artifacts"
work=$(mktemp -d "${TMPDIR:-/tmp}/impact-fuzz-formats.XXXXXX")
trap 'rm -rf "$work"' EXIT

entry_file() {
  case "$1" in
    portfolio-json) echo PortfolioJSONFuzz.swift ;;
    portfolio-csv) echo PortfolioCSVFuzz.swift ;;
    scheme-json) echo SchemeJSONFuzz.swift ;;
    *) echo "fuzz-formats: unknown target $1" >&2; exit 2 ;;
  esac
}

build_target() {
  local target=$1 entry binary
  entry=$(entry_file "$target")
  binary="$build_dir/fuzz-$target"
  if [ -x "$binary" ] && [ -z "$(find Sources/Analytics Fuzz/Formats \( -name '*.swift' -o -name '*.json' \) -newer "$binary" | head -1)" ]; then
    return 0
  fi
  # Compile a copy: the tree may be edited while swiftc runs, which it refuses.
  local snapshot="$work/src-$target" sources
  mkdir -p "$snapshot"
  cp -R Sources/Analytics "$snapshot/Analytics"
  cp Fuzz/Formats/*.swift "$snapshot/"
  # The resources SwiftPM embeds in the Analytics module (`.embedInCode`), as SwiftPM writes
  # them: one [UInt8] per file in `PackageResources`.
  python3 - "$snapshot/Analytics/PackageResources.swift" Sources/Analytics/Referential/Resources/*.json <<'PY'
import os, re, sys
out, files = sys.argv[1], sys.argv[2:]
with open(out, "w") as handle:
    handle.write("enum PackageResources {\n")
    for path in files:
        name = re.sub(r"[^A-Za-z0-9_]", "_", os.path.basename(path))
        data = open(path, "rb").read()
        handle.write(f"  static let {name}: [UInt8] = [{','.join(str(b) for b in data)}]\n")
    handle.write("}\n")
PY
  sources=$(find "$snapshot/Analytics" -name '*.swift' | sort)
  echo "building $target (swiftc -O -sanitize=fuzzer,address, about 1.5 min)..."
  local started=$SECONDS
  # shellcheck disable=SC2086
  if ! swiftc -O -sanitize=fuzzer,address -parse-as-library \
    -module-name "Fuzz${entry%Fuzz.swift}" \
    -swift-version 6 \
    -enable-upcoming-feature ExistentialAny \
    -enable-upcoming-feature InternalImportsByDefault \
    -enable-upcoming-feature MemberImportVisibility \
    -use-ld=lld \
    $sources "$snapshot/FormatFuzzChecks.swift" "$snapshot/$entry" \
    -o "$binary.partial" >"$build_dir/build-$target.log" 2>&1; then
    cat "$build_dir/build-$target.log" >&2
    echo "fuzz-formats: building $target failed" >&2
    exit 1
  fi
  mv "$binary.partial" "$binary"
  echo "built $target in $((SECONDS - started)) s"
}

# Fills corpus directory $2 with the seeds of target $1.
seed_corpus() {
  local target=$1 corpus=$2
  mkdir -p "$corpus"
  case "$target" in
    portfolio-json)
      cp Tests/AnalyticsTests/Fixtures/worked-examples.json "$corpus/"
      cp examples/demo-portfolio.json examples/new-project.json "$corpus/"
      [ -f Tests/EndToEndTests/Golden/export.json ] && cp Tests/EndToEndTests/Golden/export.json "$corpus/golden-export.json"
      cp Fuzz/Formats/Seeds/json/* "$corpus/"
      ;;
    scheme-json)
      cp examples/scheme-v2.json "$corpus/"
      cp Fuzz/Formats/Seeds/scheme/* "$corpus/"
      ;;
    portfolio-csv)
      { cat examples/csv/projects.csv; printf '\0'; cat examples/csv/outcomes.csv; printf '\0'; cat examples/csv/ratings.csv; } \
        >"$corpus/examples-csv"
      { cat examples/csv/projects.csv; printf '\0'; cat examples/csv/outcomes.csv; } >"$corpus/examples-csv-no-ratings"
      cp Fuzz/Formats/Seeds/csv/* "$corpus/"
      ;;
  esac
}

dictionary() {
  case "$1" in
    portfolio-csv) echo "$root/Fuzz/Formats/csv.dict" ;;
    *) echo "$root/Fuzz/Formats/json.dict" ;;
  esac
}

for target in $targets; do build_target "$target"; done

status=0
total_units=0
summary=""
for target in $targets; do
  corpus="$work/corpus-$target"
  seed_corpus "$target" "$corpus"
  log="$build_dir/run-$target.log"
  mkdir -p "$artifacts/$target"
  echo "fuzzing $target ($budget_text)..."
  started=$(date +%s%N)
  set +e
  # Leak detection stays on: the Swift runtime's caches are reachable globals, not leaks, and
  # LeakSanitizer reports none for these targets.
  "$build_dir/fuzz-$target" "$budget_flag" -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$(dictionary "$target")" -artifact_prefix="$artifacts/$target/" \
    "$corpus" >"$log" 2>&1
  rc=$?
  set -e
  elapsed_ms=$((($(date +%s%N) - started) / 1000000))
  units=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  units=${units:-0}
  total_units=$((total_units + units))
  line=$(printf '%-15s %9s inputs  %6s inputs/s  %4d.%d s  ' "$target" "$units" "${rate:-?}" $((elapsed_ms / 1000)) $((elapsed_ms % 1000 / 100)))
  if [ "$rc" -eq 0 ]; then
    line+="ok"
  else
    status=1
    line+="FAILED (exit $rc)"
    grep -E "ERROR: libFuzzer|ERROR: AddressSanitizer|ERROR: LeakSanitizer|Fatal error|SUMMARY|Test unit written|ALARM" "$log" | head -20 >&2 || true
    echo "  log: $log" >&2
  fi
  echo "$line"
  summary+="$line"$'\n'
done

echo
echo "fuzz-formats summary ($budget_text):"
printf '%s' "$summary"
echo "total inputs executed: $total_units"
if [ "$status" -ne 0 ]; then
  echo "fuzz-formats: FAILED; crash inputs are in $artifacts (replay one with: .build/fuzz/fuzz-<target> <file>)" >&2
fi
exit $status
