#!/usr/bin/env bash
# Fails when the demo portfolio compiled into impactd (the raw string literal of
# Sources/DaemonCore/Demo/DemoPortfolio.swift) differs from examples/demo-portfolio.json,
# the copy the README tour imports. Edit both together.
set -euo pipefail
cd "$(dirname "$0")/.."

swift_file="Sources/DaemonCore/Demo/DemoPortfolio.swift"
json_file="examples/demo-portfolio.json"

python3 - "$swift_file" "$json_file" <<'PY'
import difflib
import sys

swift_path, json_path = sys.argv[1], sys.argv[2]
swift_lines = open(swift_path, encoding="utf-8").read().split("\n")
try:
  start = next(i for i, line in enumerate(swift_lines) if line.rstrip().endswith('#"""'))
  end = next(i for i in range(start + 1, len(swift_lines)) if swift_lines[i].strip() == '"""#')
except StopIteration:
  sys.exit(f"check-demo: no #\"\"\" ... \"\"\"# literal found in {swift_path}")
# The closing delimiter's indentation is stripped from every line of a multi-line literal,
# and the newline before the delimiter is not part of the string.
indent = swift_lines[end][: len(swift_lines[end]) - len(swift_lines[end].lstrip())]
body = [line[len(indent):] if line.startswith(indent) else line for line in swift_lines[start + 1 : end]]
embedded = "\n".join(body) + "\n"
on_disk = open(json_path, encoding="utf-8").read()
if embedded != on_disk:
  diff = difflib.unified_diff(
    on_disk.splitlines(keepends=True), embedded.splitlines(keepends=True), json_path, swift_path)
  sys.stderr.write("check-demo: the demo portfolio differs between the two files:\n")
  sys.stderr.writelines(list(diff)[:200])
  sys.exit(1)
print(f"check-demo: {swift_path} and {json_path} hold the same document.", file=sys.stderr)
PY
