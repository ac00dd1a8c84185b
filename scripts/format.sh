#!/usr/bin/env bash
# Formats the hand-written Swift code with swift-format and the repository's .swift-format
# (line length 120, two-space indentation), or with --check, lists what it would change and
# fails (`swift format lint --strict`): CI runs the check.
#
#   scripts/format.sh           # rewrite in place
#   scripts/format.sh --check   # lint only; exit 1 on any finding
#
# Generated code (Sources/ImpactAPI/Generated) is left as protoc writes it.
set -euo pipefail
cd "$(dirname "$0")/.."

files=()
while IFS= read -r file; do
  files+=("$file")
done < <(find Package.swift Sources Tests Plugins -name '*.swift' -not -path '*/Generated/*' 2>/dev/null | LC_ALL=C sort)

if [[ "${1:-}" == "--check" ]]; then
  swift format lint --strict --configuration .swift-format --parallel "${files[@]}"
  echo "format: ${#files[@]} files follow .swift-format"
else
  swift format format --in-place --configuration .swift-format --parallel "${files[@]}"
fi
