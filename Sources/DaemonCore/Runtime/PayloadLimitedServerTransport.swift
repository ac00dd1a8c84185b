import GRPCCore

/// A server transport that refuses request messages over `limits.maxRequestPayloadBytes` with
/// RESOURCE_EXHAUSTED naming the limit, in front of a transport whose own limit is a higher
/// ceiling (``transportCeiling(forLimit:)``).
///
/// grpc-swift-nio-transport 2.9.2 answers a message over its `maxRequestPayloadSize` by
/// resetting the HTTP/2 stream, which clients see as UNAVAILABLE with no word of the limit. Here
/// the transport lets a message through up to the ceiling, and the check below turns it into an
/// error of the message stream: the RPC ends with a status, the connection stays usable, and no
/// handler sees the message. Messages over the ceiling are still reset by the transport as soon
/// as their 5-byte prefix arrives, so one stream never buffers more than the ceiling.
///
/// A message within the limit is then judged on what it would take once decoded
/// (``RequestDecodeBudget``), from its bytes, before any handler decodes it.
struct PayloadLimitedServerTransport<Base: ServerTransport>: ServerTransport {
  typealias Bytes = Base.Bytes

  /// The wrapped transport.
  let base: Base
  /// The largest request message served, in bytes.
  let limit: Int
  /// What a message may take once decoded.
  let decodeBudget: RequestDecodeBudget

  /// Wraps `base`, which must accept messages of at least `limit` bytes.
  init(base: Base, limit: Int, decodeBudget: RequestDecodeBudget = RequestDecodeBudget()) {
    self.base = base
    self.limit = limit
    self.decodeBudget = decodeBudget
  }

  /// The `maxRequestPayloadSize` to give the wrapped transport for `limit`: twice the limit, and
  /// at least 1 MiB over it, so the messages just over the limit that clients most often send
  /// get a clear status, while one stream's buffer stays within a small multiple of the limit.
  static func transportCeiling(forLimit limit: Int) -> Int {
    let margin = max(limit, 1 << 20)
    let (ceiling, overflow) = limit.addingReportingOverflow(margin)
    // The gRPC length prefix is a UInt32: no message is longer.
    return overflow ? Int(UInt32.max) : min(ceiling, Int(UInt32.max))
  }

  func configure(context: GRPCServerContext) {
    base.configure(context: context)
  }

  func listen(
    streamHandler: @escaping @Sendable (RPCStream<Inbound, Outbound>, ServerContext) async -> Void
  ) async throws {
    let limit = self.limit
    let decodeBudget = self.decodeBudget
    try await base.listen { stream, context in
      let method = stream.descriptor.fullyQualifiedMethod
      let checked = stream.inbound.map { part throws -> RPCRequestPart<Bytes> in
        if case .message(let bytes) = part {
          if bytes.count > limit {
            throw RPCError(
              code: .resourceExhausted,
              message:
                "request message of \(bytes.count) bytes exceeds the limit of \(limit) bytes (limits.maxRequestPayloadBytes)"
            )
          }
          try decodeBudget.check(bytes, method: method)
        }
        return part
      }
      await streamHandler(
        RPCStream(
          descriptor: stream.descriptor, inbound: RPCAsyncSequence(wrapping: checked), outbound: stream.outbound),
        context
      )
    }
  }

  func beginGracefulShutdown() {
    base.beginGracefulShutdown()
  }
}
