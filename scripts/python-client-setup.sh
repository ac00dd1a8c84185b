# Sourced by the scripts that drive the real impactd from Python (interop-python.sh,
# crash-test.sh, fault-test.sh): builds impactd, makes the venv and generates the stubs.
#
#   source scripts/python-client-setup.sh
#   prepare_python_client impact-interop   # sets impactd, venv and stubs (removed at exit)
#
# impactd is built in the configuration IMPACT_BUILD_CONFIGURATION (default debug). The venv
# .build/interop-venv is created on first use from PyPI (grpcio, grpcio-tools,
# grpcio-health-checking, grpcio-reflection, pytest, and pyld for the CIDS export's JSON-LD). The stubs are generated from Proto/ into a temporary folder.

prepare_python_client() {
  local prefix="$1"
  local configuration="${IMPACT_BUILD_CONFIGURATION:-debug}"
  swift build -c "$configuration" --product impactd
  impactd="$(swift build -c "$configuration" --show-bin-path)/impactd"

  venv=.build/interop-venv
  if [[ ! -x "$venv/bin/python" ]] || ! "$venv/bin/python" -c "import grpc, grpc_tools, grpc_health, grpc_reflection, pytest, pyld" 2>/dev/null; then
    # Debian's python3 ships venv and ensurepip in a separate package.
    if ! python3 -c "import ensurepip, venv" 2>/dev/null; then
      if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "python-client-setup: installing python3-venv" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
      else
        echo "python-client-setup: python3's venv module is missing: install python3-venv (apt-get install python3-venv)" >&2
        return 1
      fi
    fi
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check \
      grpcio grpcio-tools grpcio-health-checking grpcio-reflection pytest pyld
  fi

  stubs="$(mktemp -d "${TMPDIR:-/tmp}/$prefix-stubs.XXXXXX")"
  # shellcheck disable=SC2064 # the folder is known now
  trap "rm -rf '$stubs'" EXIT
  (
    cd Proto
    # grpc_tools adds the well-known types (google/protobuf/*.proto) to the include path itself.
    "../$venv/bin/python" -m grpc_tools.protoc -I . --python_out="$stubs" --grpc_python_out="$stubs" \
      impact/v1/*.proto grpc/health/v1/health.proto grpc/reflection/v1/reflection.proto
  )
}
