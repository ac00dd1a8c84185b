#!/usr/bin/env bash
# Generates the `impact` man page and shell completion scripts from the command's own
# ArgumentParser definitions, so they never drift from the code:
#   docs/man/impact.1
#   docs/completions/impact.bash, docs/completions/_impact (zsh), docs/completions/impact.fish
#
# The man page comes from ArgumentParser's `generate-manual` tool (it builds offline from
# the package's own dependencies). If the plugin cannot run, a minimal roff page is written
# from `impact --help` and each subcommand's help instead, and the script says so.
#
# Usage: scripts/generate-cli-docs.sh           (from anywhere; uses the package's default .build)
#        scripts/generate-cli-docs.sh --check   (CI: generates into a temporary folder and fails,
#                                                showing the difference, when docs/ is out of date)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

if [ "${1:-}" = "--check" ]; then
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  CLI_DOCS_DIR="$scratch" "$0" >/dev/null
  status=0
  for file in man/impact.1 completions/impact.bash completions/_impact completions/impact.fish; do
    diff -u "docs/$file" "$scratch/$file" || status=1
  done
  if [ "$status" != 0 ]; then
    echo "check-cli-docs: docs/man or docs/completions differ from the commands; run scripts/generate-cli-docs.sh and commit" >&2
    exit 1
  fi
  echo "check-cli-docs: docs/man and docs/completions match the commands"
  exit 0
fi
docs="${CLI_DOCS_DIR:-docs}"
# The help follows --lang, IMPACT_LANG and the locale: the committed pages are in English.
export IMPACT_LANG=en

swift build --product impact >/dev/null
bin="$(swift build --show-bin-path)"
impact="$bin/impact"

mkdir -p "$docs/man" "$docs/completions"
"$impact" --generate-completion-script bash > "$docs/completions/impact.bash"
"$impact" --generate-completion-script zsh > "$docs/completions/_impact"
"$impact" --generate-completion-script fish > "$docs/completions/impact.fish"
echo "wrote docs/completions/impact.bash, docs/completions/_impact, docs/completions/impact.fish"

# ArgumentParser's generate-manual tool (built from the package's own dependency, offline),
# run on the impact binary. The plugin wrapper is not used: it insists on every executable.
swift build --product generate-manual >/dev/null 2>&1 || true
generator="$bin/generate-manual"
if [ -x "$generator" ]; then
  out="$(mktemp -d)"
  "$generator" "$impact" --date 2026-01-01 --output-directory "$out"
  cp "$out/impact.1" "$docs/man/impact.1"
  rm -rf "$out"
  echo "wrote docs/man/impact.1 (ArgumentParser generate-manual)"
  exit 0
fi

echo "generate-manual plugin unavailable: writing docs/man/impact.1 from --help output" >&2
roff_escape() { sed -e 's/\\/\\e/g' -e 's/^\./\\\&./' -e "s/^'/\\\\\&'/"; }
{
  echo '.TH IMPACT 1 "" "impact" "User Commands"'
  echo '.SH NAME'
  echo 'impact \- query and update the impact service (impactd) over gRPC'
  echo '.SH SYNOPSIS'
  echo '.B impact'
  echo '\fIsubcommand\fR [\fIoptions\fR]'
  echo '.SH DESCRIPTION'
  echo '.nf'
  "$impact" --help | roff_escape
  echo '.fi'
  for command in status import export "projects list" "projects show" "projects delete" score rank \
    compare portfolio coverage whatif rate observe "scheme show" "scheme set" watch audit; do
    echo ".SH \"IMPACT ${command^^}\""
    echo '.nf'
    # shellcheck disable=SC2086
    "$impact" help $command | roff_escape
    echo '.fi'
  done
} > "$docs/man/impact.1"
echo "wrote docs/man/impact.1 (from --help)"
