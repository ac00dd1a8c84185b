#!/usr/bin/env bash
# Loads each kind of report in a real browser (headless Chromium, driven through the DevTools
# protocol by scripts/report_browser.py) and fails when the page logs a console error or
# fails to load a resource (the network is blocked: a report must fetch nothing), when its
# text lacks the portfolio's figures as `impact portfolio --json` gives them, or when printing
# it gives no page. It keeps screenshots at 1280 px and in print mode (the PDF's first pages
# as PNGs) for a person to look at.
#
#   scripts/report-check.sh [--out DIR]      (default: .build/report-check)
#
# Needs chromium and pdftoppm (Debian: chromium, poppler-utils; scripts/install-packages.sh
# installs them as root). Uses the debug build (`swift build` first).
set -euo pipefail
cd "$(dirname "$0")/.."

out=.build/report-check
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    *) echo "report-check: unknown option $1 (--out DIR)" >&2; exit 64 ;;
  esac
done
chromium=${IMPACT_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
[ -n "$chromium" ] || { echo "report-check: chromium is missing (apt-get install chromium)" >&2; exit 69; }
command -v pdftoppm >/dev/null 2>&1 || { echo "report-check: pdftoppm is missing (apt-get install poppler-utils)" >&2; exit 69; }

bin=$(swift build --show-bin-path)
if [ ! -x "$bin/impact" ] || [ ! -x "$bin/impactd" ]; then
  swift build --product impactd >&2
  swift build --product impact >&2
fi
rm -rf "$out"; mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/impact-report-check.XXXXXX")
daemon=
cleanup() {
  if [ -n "$daemon" ]; then kill -TERM "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$bin/impactd" --listen 127.0.0.1:0 --database "$work/impact.sqlite" --demo >"$work/impactd.out" 2>"$work/impactd.log" &
daemon=$!
address=
for _ in $(seq 1 300); do
  address=$(sed -n 's/^listening //p' "$work/impactd.out")
  [ -n "$address" ] && break
  kill -0 "$daemon" 2>/dev/null || { cat "$work/impactd.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$address" ] || { echo "report-check: impactd did not start" >&2; exit 1; }
export IMPACT_SERVER=$address
unset IMPACT_LANG LC_ALL LC_MESSAGES LANG
for _ in $(seq 1 100); do "$bin/impact" status --check >/dev/null 2>&1 && break; sleep 0.1; done

when=2026-06-30T09:00:00Z
"$bin/impact" report portfolio -o "$out/portfolio-en.html" --lang en --generated-at $when >/dev/null
"$bin/impact" report portfolio -o "$out/portfolio-fr.html" --lang fr --generated-at $when >/dev/null
"$bin/impact" report project bus-sante-nievre -o "$out/project-fr.html" --lang fr --generated-at $when >/dev/null
"$bin/impact" report committee --candidate mediation-sante-montpellier --candidate soutien-parentalite-dijon \
  --candidate tiers-lieu-tulle \
  -o "$out/committee-en.html" --lang en --generated-at $when >/dev/null
"$bin/impact" portfolio --json >"$work/portfolio.json"

# A page with a missing image, a remote script and a console error.
printf '<!DOCTYPE html><html><body><img src="missing.png"><script src="https://example.org/x.js"></script><script>console.error("boom")</script></body></html>' \
  >"$work/broken.html"

# The broken page must fail the check, or the check checks nothing.
if python3 scripts/report_browser.py "$chromium" "$work/broken.html" "$work/broken" 2>"$work/broken.log"; then
  echo "report-check: the browser reported no error for a page with a missing image and a remote script; the check cannot be trusted" >&2
  exit 1
fi

failed=0
for page in portfolio-en portfolio-fr project-fr committee-en; do
  if ! python3 scripts/report_browser.py "$chromium" "$out/$page.html" "$out/$page"; then
    echo "report-check: $page: console errors or failed resources (above)" >&2
    failed=1
  fi
  pages=$(pdfinfo "$out/$page.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  if [ -z "$pages" ] || [ "$pages" -lt 1 ]; then echo "report-check: $page: printing gave no page" >&2; failed=1; fi
  pdftoppm -png -r 60 -f 1 -l 3 "$out/$page.pdf" "$out/$page-print"
  echo "report-check: $page: ${pages:-0} A4 pages, $(wc -c <"$out/$page.html") bytes" >&2
done

# The page's text (as the browser built it) holds the portfolio's figures, written as the
# reader of each language writes them.
python3 - "$work/portfolio.json" "$out/portfolio-en.txt" "$out/portfolio-fr.txt" "$out/committee-en.txt" <<'PY' || failed=1
import json, sys
summary = json.load(open(sys.argv[1], encoding="utf-8"))["summary"]
def text(path):
    return open(path, encoding="utf-8").read()
def number(value, places, lang):
    digits = f"{abs(value):,.{places}f}"
    if lang == "fr":
        digits = digits.replace(",", "\u202f").replace(".", ",")
    return ("−" if value < 0 and float(f"{value:.{places}f}") != 0 else "") + digits
def figures(lang):
    amount = number(summary["total_amount"], 0, lang)
    percent = lambda v: number(v * 100, 1, lang) + ("\u202f%" if lang == "fr" else "%")
    found = {
        "projects": number(summary["projects"], 0, lang),
        "total_amount": amount + "\u202f€" if lang == "fr" else "€" + amount,
        "weighted_composite": number(summary["weighted_composite"], 1, lang),
        "weighted_quantitative": number(summary["weighted_quantitative"], 1, lang),
        "weighted_qualitative": number(summary["weighted_qualitative"], 1, lang),
        "weighted_depth": number(summary["weighted_depth"], 2, lang),
        "coverage": percent(summary["coverage"]),
        "deep_coverage": percent(summary["deep_coverage"]),
        "hhi": number(summary["hhi"], 3, lang),
        "effective_domains": number(summary["effective_domains"], 2, lang),
    }
    if "sroi" in summary: found["sroi"] = number(summary["sroi"], 2, lang)
    return found
bad = 0
for path, lang in [(sys.argv[2], "en"), (sys.argv[3], "fr"), (sys.argv[4], "en")]:
    page = text(path)
    for name, expected in figures(lang).items():
        if expected not in page:
            print(f"report-check: {path.rsplit('/', 1)[-1]}: {name} {expected!r} (impact portfolio --json) is not in the page's text", file=sys.stderr)
            bad = 1
sys.exit(bad)
PY

if [ "$failed" -ne 0 ]; then
  echo "report-check: FAILED; pages and screenshots in $out" >&2
  exit 1
fi
echo "report-check: every report loads with no console error and no request, holds the portfolio's figures; screenshots in $out" >&2
