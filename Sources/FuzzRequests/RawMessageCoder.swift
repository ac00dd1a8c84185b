import GRPCCore

/// Messages as their bytes, both ways: the fuzzer sends bytes the generated serializers could
/// never produce (so the server's protobuf decoding is fuzzed too) and decodes answers itself.
struct RawMessageCoder: MessageSerializer, MessageDeserializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }

  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
    serializedMessageBytes.withUnsafeBytes { Array($0) }
  }
}
