import GRPCCore

/// Sends and receives messages as they are on the wire, so one test can call any method with
/// any bytes without knowing its message types.
struct RawBytesCodec: MessageSerializer, MessageDeserializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes { Bytes(message) }

  func deserialize<Bytes: GRPCContiguousBytes>(_ serializedMessageBytes: Bytes) throws -> [UInt8] {
    serializedMessageBytes.withUnsafeBytes { Array($0) }
  }
}

extension GRPCClient {
  /// Calls `method` with `bytes` as the request; `nil` when the server accepted it (a unary call
  /// answered OK, a stream started and is ended at once), else the code it refused it with.
  func statusOfCall(
    _ method: MethodDescriptor,
    bytes: [UInt8] = [],
    metadata: Metadata = [:],
    // Generous: inside the full parallel run on two cores a call has taken over 10 s (the
    // answer's code is what is checked; a slow call is never taken for a refusal).
    timeout: Duration = .seconds(60)
  ) async throws -> RPCError.Code? {
    var options = CallOptions.defaults
    options.timeout = timeout
    let request = StreamingClientRequest<[UInt8]>(metadata: metadata) { writer in
      try await writer.write(bytes)
    }
    do {
      return try await call(method, request: request, options: options)
    } catch let error as RPCError {
      // The call never reached a handler: no connection, a refused handshake.
      return error.code
    }
  }

  private func call(
    _ method: MethodDescriptor,
    request: StreamingClientRequest<[UInt8]>,
    options: CallOptions
  ) async throws -> RPCError.Code? {
    try await bidirectionalStreaming(
      request: request,
      descriptor: method,
      serializer: RawBytesCodec(),
      deserializer: RawBytesCodec(),
      options: options
    ) { response in
      switch response.accepted {
      case .success:
        // Accepted: a unary call answered OK, or a stream started (not waited on: it may stay
        // open until the next change).
        return nil
      case .failure(let error):
        return error.code
      }
    }
  }
}
