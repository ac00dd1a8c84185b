#!/usr/bin/env bash
# Regenerates the Swift code of Proto/ (messages and grpc-swift-2 stubs) into
# Sources/ImpactAPI/Generated, or into the directory given as first argument.
#
# The two protoc plugins are built from this package (its resolved swift-protobuf and
# grpc-swift-protobuf versions), so the output matches the runtime libraries we link.
# Set PROTOC_GEN_SWIFT and PROTOC_GEN_GRPC_SWIFT to use prebuilt plugins instead.
# UseAccessLevelOnImports: the package builds with InternalImportsByDefault, so the public
# generated types need `public import SwiftProtobuf` / `public import GRPCCore`.
# Requires protoc (Debian: protobuf-compiler), which also provides the well-known types.
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir="${1:-Sources/ImpactAPI/Generated}"

if ! command -v protoc >/dev/null 2>&1; then
  echo "generate-proto: protoc not found (install protobuf-compiler)" >&2
  exit 1
fi

if [ -z "${PROTOC_GEN_SWIFT:-}" ] || [ -z "${PROTOC_GEN_GRPC_SWIFT:-}" ]; then
  # One product per command: with two --product flags SwiftPM builds only the last.
  swift build --product protoc-gen-swift >&2
  swift build --product protoc-gen-grpc-swift-2 >&2
  bin_path="$(swift build --show-bin-path)"
  PROTOC_GEN_SWIFT="${PROTOC_GEN_SWIFT:-$bin_path/protoc-gen-swift}"
  PROTOC_GEN_GRPC_SWIFT="${PROTOC_GEN_GRPC_SWIFT:-$bin_path/protoc-gen-grpc-swift-2}"
fi

# Sorted so the invocation, and thus the output, does not depend on the file system order.
proto_files=()
while IFS= read -r file; do
  proto_files+=("$file")
done < <(cd Proto && find . -name '*.proto' | sed 's|^\./||' | LC_ALL=C sort)

mkdir -p "$out_dir"
# Generated files of protos that were removed must disappear too.
find "$out_dir" -maxdepth 1 -name '*.swift' -delete

protoc --proto_path=Proto \
  --plugin=protoc-gen-swift="$PROTOC_GEN_SWIFT" \
  --plugin=protoc-gen-grpc-swift-2="$PROTOC_GEN_GRPC_SWIFT" \
  --swift_opt=Visibility=Public --swift_opt=FileNaming=PathToUnderscores \
  --swift_opt=UseAccessLevelOnImports=true \
  --swift_out="$out_dir" \
  --grpc-swift-2_opt=Visibility=Public --grpc-swift-2_opt=FileNaming=PathToUnderscores \
  --grpc-swift-2_opt=UseAccessLevelOnImports=true \
  --grpc-swift-2_out="$out_dir" \
  "${proto_files[@]}"

echo "generate-proto: ${#proto_files[@]} proto files -> $out_dir" >&2
