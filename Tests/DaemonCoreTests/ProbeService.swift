import GRPCCore

/// A tiny gRPC service with raw-bytes messages, for testing what the daemon does around any
/// service: `Echo` returns its input (or throws a plain Swift error for the input `fail`),
/// `Hang` returns only once the RPC is cancelled.
struct ProbeService: RegistrableRPCService {
  /// Called when a `Hang` RPC starts waiting, so a test knows it is in flight.
  var onHang: @Sendable () -> Void = {}

  static let echo = MethodDescriptor(
    service: ServiceDescriptor(fullyQualifiedService: "impact.test.Probe"), method: "Echo")
  static let hang = MethodDescriptor(
    service: ServiceDescriptor(fullyQualifiedService: "impact.test.Probe"), method: "Hang")

  /// A failure that is not an RPCError, as a handler bug would throw.
  struct Bug: Error {}

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerHandler(forMethod: Self.echo, deserializer: RawBytes(), serializer: RawBytes()) {
      request, _ in
      let message = try await ServerRequest(stream: request).message
      if message == Array("fail".utf8) { throw Bug() }
      return StreamingServerResponse(single: ServerResponse(message: message))
    }
    let onHang = self.onHang
    router.registerHandler(forMethod: Self.hang, deserializer: RawBytes(), serializer: RawBytes()) {
      request, context in
      _ = try await ServerRequest(stream: request).message
      onHang()
      try await context.cancellation.cancelled
      throw RPCError(code: .cancelled, message: "cancelled while hanging")
    }
  }
}

/// Messages as their bytes.
struct RawBytes: MessageSerializer, MessageDeserializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
    Bytes(message)
  }

  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
    serializedMessageBytes.withUnsafeBytes { Array($0) }
  }
}

extension GRPCClient {
  /// Calls a probe method with raw bytes, returning the whole response.
  func probe(
    _ method: MethodDescriptor,
    _ message: [UInt8],
    metadata: Metadata = [:]
  ) async throws -> ClientResponse<[UInt8]> {
    var options = CallOptions.defaults
    options.timeout = .seconds(30)
    return try await unary(
      request: ClientRequest(message: message, metadata: metadata),
      descriptor: method,
      serializer: RawBytes(),
      deserializer: RawBytes(),
      options: options
    ) { $0 }
  }
}
