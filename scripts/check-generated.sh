#!/usr/bin/env bash
# Fails when Sources/ImpactAPI/Generated is not exactly what scripts/generate-proto.sh
# produces from Proto/ (a proto was edited without regenerating, or generated code was
# hand-edited). Regenerates into a temporary directory; the working tree is not touched.
# Assumes protoc is installed; installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

committed="Sources/ImpactAPI/Generated"
fresh="$(mktemp -d)"
trap 'rm -rf "$fresh"' EXIT

scripts/generate-proto.sh "$fresh"

if ! diff -r -u "$committed" "$fresh" >"$fresh.diff" 2>&1; then
  echo "check-generated: $committed is out of sync with Proto/." >&2
  echo "check-generated: run scripts/generate-proto.sh and commit the result. Differences:" >&2
  head -n 200 "$fresh.diff" >&2
  rm -f "$fresh.diff"
  exit 1
fi
rm -f "$fresh.diff"
echo "check-generated: $committed is in sync with Proto/." >&2
