#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need beyond Swift, when missing:
#   libsqlite3-dev   SQLite headers for GRDB
#   sqlite3          the sqlite3 shell, used by the storage and fault tests
#   protobuf-compiler protoc, for scripts/check-generated.sh
#   libprotobuf-dev  the well-known types protoc imports (google/protobuf/timestamp.proto), only
#                    recommended by protobuf-compiler, so not installed with it here
#   python3-venv     for the Python gRPC clients of the interop and fault tests
#   prometheus       for promtool, which checks the daemon's /metrics
#   chromium         headless browser: scripts/report-check.sh and `impact report --pdf`
#   poppler-utils    pdfinfo and pdftoppm, for the print-mode pages of scripts/report-check.sh
#   postgresql       a throwaway server for the PostgreSQL tests (scripts/with-postgres.sh)
# Run as root (CI, a fresh machine) it installs them with apt-get; otherwise it lists the
# missing ones and the command to install them, and goes on.
set -euo pipefail

need=()
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
command -v protoc >/dev/null 2>&1 || need+=(protobuf-compiler)
[ -f /usr/include/google/protobuf/timestamp.proto ] || need+=(libprotobuf-dev)
python3 -c "import ensurepip, venv" 2>/dev/null || need+=(python3-venv)
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)

[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "install-packages: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
else
  echo "install-packages: missing ${need[*]}; install them with: sudo apt-get install ${need[*]}" >&2
fi
