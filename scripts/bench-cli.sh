#!/usr/bin/env bash
# End-to-end timings of the CLI's everyday commands, through the real `impact` and a real
# `impactd` (release builds), on a portfolio of N projects: the demo portfolio repeated with
# suffixed ids (so every project is valid and realistic), imported in one request.
#
#   scripts/bench-cli.sh [--projects N] [--runs R]     (defaults: 5 000 projects, 10 runs)
#
# Needs hyperfine (Debian: hyperfine). Prints hyperfine's table (mean ± σ, min, max) per
# command; the daemon and the work folder are removed at the end. See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

projects=5000
runs=10
while [ $# -gt 0 ]; do
  case "$1" in
    --projects) projects=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "bench-cli: unknown option $1 (--projects N, --runs R)" >&2; exit 64 ;;
  esac
done
command -v hyperfine >/dev/null 2>&1 || { echo "bench-cli: hyperfine is missing (apt-get install hyperfine)" >&2; exit 69; }

# BENCH_SCRATCH_PATH builds in another folder (.build-NAME), to measure while .build is busy.
scratch=(--scratch-path "${BENCH_SCRATCH_PATH:-.build}")
swift build -c release "${scratch[@]}" --product impactd >&2
swift build -c release "${scratch[@]}" --product impact >&2
bin=$(swift build -c release "${scratch[@]}" --show-bin-path)

dir=$(mktemp -d "${TMPDIR:-/tmp}/impact-bench-cli.XXXXXX")
daemon=
cleanup() {
  if [ -n "$daemon" ]; then kill -TERM "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT

python3 - "$projects" examples/demo-portfolio.json "$dir/portfolio.json" <<'PY'
import copy, json, sys
count, source, target = int(sys.argv[1]), sys.argv[2], sys.argv[3]
demo = json.load(open(source, encoding="utf-8"))
projects = []
for index in range(count):
    project = copy.deepcopy(demo["projects"][index % len(demo["projects"])])
    round_ = index // len(demo["projects"])
    if round_:
        project["id"] = f"{project['id']}-{round_}"
        project["name"] = f"{project['name']} ({round_})"
    projects.append(project)
json.dump({"format": demo["format"], "projects": projects}, open(target, "w", encoding="utf-8"), ensure_ascii=False)
PY

"$bin/impactd" --listen 127.0.0.1:0 --database "$dir/impact.sqlite" >"$dir/impactd.out" 2>"$dir/impactd.log" &
daemon=$!
address=
for _ in $(seq 1 300); do
  address=$(sed -n 's/^listening //p' "$dir/impactd.out")
  [ -n "$address" ] && break
  kill -0 "$daemon" 2>/dev/null || { cat "$dir/impactd.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$address" ] || { echo "bench-cli: impactd did not start" >&2; exit 1; }
export IMPACT_SERVER=$address COLUMNS=160 IMPACT_LANG=en
impact="$bin/impact"
for _ in $(seq 1 100); do "$impact" status --check >/dev/null 2>&1 && break; sleep 0.1; done

echo "bench-cli: $projects projects, $(du -h "$dir/portfolio.json" | cut -f1) of JSON" >&2
/usr/bin/time -f "import of $projects projects: %e s wall, %M KiB peak (impact)" \
  "$impact" import "$dir/portfolio.json" --timeout 600 >/dev/null
"$impact" export --format csv --to "$dir/csv" --timeout 600 >/dev/null

hyperfine --style basic --runs "$runs" --warmup 1 --export-markdown "$dir/table.md" \
  -n "status" "$impact status" \
  -n "rank --top 20" "$impact rank --top 20" \
  -n "rank (all, table)" "$impact rank" \
  -n "rank --lang fr --output csv --excel" "$impact rank --lang fr --output csv --excel" \
  -n "projects list --programme hebergement" "$impact projects list --programme hebergement" \
  -n "find epicerie" "$impact find epicerie" \
  -n "score (name prefix) --explain --lang fr" "$impact score 'Pension de famille – Rennes (100)' --explain --lang fr" \
  -n "compare 5 projects" "$impact compare bus-sante-nievre maraudes-lyon tiers-lieu-tulle atelier-velo-nantes bus-sante-nievre-1" \
  -n "portfolio" "$impact portfolio" \
  -n "report portfolio (HTML)" "$impact report portfolio -o $dir/report.html --timeout 600" \
  -n "scores --output csv" "$impact scores --output csv --timeout 600" \
  -n "export --format json" "$impact export --format json --timeout 600" \
  -n "export --format csv --excel" "$impact export --format csv --excel --to $dir/excel --timeout 600" \
  -n "import JSON --dry-run (no change)" "$impact import $dir/portfolio.json --dry-run --timeout 600" \
  -n "import CSV --dry-run (no change)" "$impact import $dir/csv/projects.csv $dir/csv/outcomes.csv $dir/csv/ratings.csv --dry-run --timeout 600" \
  >&2
cat "$dir/table.md"
