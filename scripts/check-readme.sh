#!/usr/bin/env bash
# Checks that every example of the README is real output: each `$ impact …` line of a fenced
# block is run against a real impactd serving the demo portfolio, and what it prints must be
# the lines that follow it in the README, up to the next `$ ` line or the end of the block.
#
# An example may end with a `# comment` or pipe into `head`: it runs through bash, with the
# built `impact` first on PATH.
#
# Usage: scripts/check-readme.sh            fail (exit 1) with a diff when an example drifted
#        scripts/check-readme.sh --update   rewrite the README's examples from real output
#
# The commands run in a fixed setting, the one the README shows: English, 100 columns, no
# colour, not a terminal.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=check
[ "${1:-}" = "--update" ] && mode=update

swift build --product impactd >&2
swift build --product impact >&2
bin=$(swift build --show-bin-path)

dir=$(mktemp -d "${TMPDIR:-/tmp}/impact-readme.XXXXXX")
daemon=
cleanup() {
  if [ -n "$daemon" ]; then
    kill -TERM "$daemon" 2>/dev/null || true
    wait "$daemon" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap cleanup EXIT

"$bin/impactd" --demo --listen 127.0.0.1:0 --database "$dir/impact.sqlite" >"$dir/impactd.out" 2>"$dir/impactd.log" &
daemon=$!
address=
for _ in $(seq 1 300); do
  address=$(sed -n 's/^listening //p' "$dir/impactd.out")
  [ -n "$address" ] && break
  kill -0 "$daemon" 2>/dev/null || { cat "$dir/impactd.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$address" ] || { echo "check-readme: impactd did not start" >&2; exit 1; }
for _ in $(seq 1 100); do "$bin/impact" --server "$address" status --check >/dev/null 2>&1 && break; sleep 0.1; done

IMPACT_BIN="$bin/impact" IMPACT_SERVER="$address" timeout 300 python3 - "$mode" README.md <<'PY'
import difflib, os, subprocess, sys

mode, path = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
environment = dict(os.environ, IMPACT_LANG="en", COLUMNS="100", NO_COLOR="1", LC_ALL="C.UTF-8")
environment.pop("IMPACT_TOKEN", None)

environment["PATH"] = os.path.dirname(os.environ["IMPACT_BIN"]) + os.pathsep + environment.get("PATH", "")

def run(command):
    # Through bash, so that an example may end with a comment or go through `| head -N`.
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], env=environment,
                            capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        sys.exit(f"check-readme: `{command}` exited {result.returncode}: {result.stderr.strip()}")
    return [line.rstrip() for line in result.stdout.rstrip("\n").split("\n")]

out, drifted, examples, index = [], [], 0, 0
in_block = False
while index < len(lines):
    line = lines[index]
    if line.startswith("```"):
        in_block = not in_block
        out.append(line)
        index += 1
        continue
    if in_block and line.startswith("$ impact "):
        command = line[2:]
        end = index + 1
        while end < len(lines) and not lines[end].startswith("$ ") and not lines[end].startswith("```"):
            end += 1
        shown = lines[index + 1:end]
        separator = []
        while shown and shown[-1].strip() == "":
            separator.insert(0, shown.pop())
        actual = run(command)
        examples += 1
        if [l.rstrip() for l in shown] != actual:
            drifted.append(command)
            sys.stderr.write("".join(difflib.unified_diff(
                [l + "\n" for l in shown], [l + "\n" for l in actual],
                f"README.md: {command}", "real output")))
        out.append(line)
        out.extend(actual)
        out.extend(separator)
        index = end
        continue
    out.append(line)
    index += 1

if mode == "update":
    open(path, "w", encoding="utf-8").write("\n".join(out))
    print(f"check-readme: {examples} examples, {len(drifted)} rewritten")
elif drifted:
    sys.exit(f"check-readme: {len(drifted)} of {examples} README examples differ from real output "
             "(scripts/check-readme.sh --update rewrites them): " + "; ".join(drifted))
else:
    print(f"check-readme: {examples} README examples match real output")
PY
