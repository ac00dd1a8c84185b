import GRPCCore
import ImpactAPI
import SwiftProtobuf

/// A message of `ImportPortfolioStream` already in protobuf bytes. A chunk's projects are each
/// encoded once, for the daemon's size estimate (``StreamedImport/encoded(_:)``) and for the
/// wire both, and the chunk is written around them, instead of encoding every project again
/// as a part of the chunk message.
struct EncodedStreamMessage: Sendable {
  var bytes: [UInt8]

  /// `message`, encoded.
  init(_ message: Impact_V1_ImportPortfolioStreamRequest) throws {
    bytes = try message.serializedBytes()
  }

  /// The message `chunk { projects: … }` of the projects encoded in `projects`: each one a
  /// length-delimited field 1 of `ImportStreamChunk`, the chunk a length-delimited field 2 of
  /// `ImportPortfolioStreamRequest` (the `part` one of).
  init(chunkOf projects: [[UInt8]]) {
    var chunk: [UInt8] = []
    chunk.reserveCapacity(projects.reduce(0) { $0 + $1.count + 6 })
    for project in projects {
      Self.appendField(Self.chunkProjectsField, project, to: &chunk)
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(chunk.count + 6)
    Self.appendField(Self.requestChunkField, chunk, to: &bytes)
    self.bytes = bytes
  }

  /// `ImportStreamChunk.projects` and `ImportPortfolioStreamRequest.chunk`.
  static let chunkProjectsField = 1
  static let requestChunkField = 2

  private static func appendField(_ number: Int, _ value: [UInt8], to bytes: inout [UInt8]) {
    appendVarint(number << 3 | 2, to: &bytes)  // wire type 2: length-delimited
    appendVarint(value.count, to: &bytes)
    bytes.append(contentsOf: value)
  }

  private static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
    var value = UInt64(value)
    while value >= 0x80 {
      bytes.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }
}

/// Hands the encoded bytes to the transport as they are.
struct EncodedStreamMessageSerializer: MessageSerializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: EncodedStreamMessage) throws -> Bytes {
    Bytes(message.bytes)
  }
}
