public import GRPCCore
public import Logging

/// Observes every RPC: assigns a request id, echoes it in the response metadata, logs one
/// line when the RPC ends, records the `impact_rpc_*` metrics, and turns errors that are not
/// gRPC errors into INTERNAL with a generic message (the details go to the log, not the client).
///
/// The log line, at info:
/// ```
/// rpc finished code=OK duration_ms=1.42 method=grpc.health.v1.Health/Check peer=ipv4:127.0.0.1:52814 request_id=...
/// ```
/// Each value is one line at most ``LogText/maximumCharacters`` long, with control characters
/// escaped (``LogText``).
public struct RPCObservationInterceptor: ServerInterceptor {
  private let logger: Logger
  private let metrics: DaemonMetrics

  /// Creates the interceptor.
  ///
  /// - Parameters:
  ///   - logger: where the per-RPC lines go.
  ///   - metrics: where the counters and durations go.
  public init(logger: Logger, metrics: DaemonMetrics) {
    self.logger = logger
    self.metrics = metrics
  }

  public func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let started = ContinuousClock.now
    let requestID = RequestID.resolve(from: request.metadata)
    let observation = RPCObservation(
      logger: logger,
      metrics: metrics,
      method: context.descriptor.fullyQualifiedMethod,
      peer: context.remotePeer,
      requestID: requestID,
      started: started
    )

    let response: StreamingServerResponse<Output>
    do {
      response = try await RequestID.$current.withValue(requestID) {
        try await next(request, context)
      }
    } catch {
      response = StreamingServerResponse(error: observation.rpcError(from: error))
    }

    switch response.accepted {
    case .failure(let rejection):
      var error = observation.rpcError(from: rejection)
      error.metadata.replaceOrAddString(requestID, forKey: RequestID.metadataKey)
      observation.finish(code: StatusCodeName.of(error.code), message: error.message)
      return StreamingServerResponse(error: error)

    case .success(var contents):
      contents.metadata.replaceOrAddString(requestID, forKey: RequestID.metadataKey)
      let producer = contents.producer
      contents.producer = { writer in
        do {
          let trailers = try await RequestID.$current.withValue(requestID) {
            try await producer(writer)
          }
          observation.finish(code: StatusCodeName.ok, message: nil)
          return trailers
        } catch {
          let rpcError = observation.rpcError(from: error)
          observation.finish(code: StatusCodeName.of(rpcError.code), message: rpcError.message)
          throw rpcError
        }
      }
      return StreamingServerResponse(accepted: .success(contents))
    }
  }
}

/// What one RPC's log line and metrics need, captured when the RPC starts.
private struct RPCObservation: Sendable {
  let logger: Logger
  let metrics: DaemonMetrics
  let method: String
  let peer: String
  let requestID: String
  let started: ContinuousClock.Instant

  /// The error the client sees: gRPC errors as they are, anything else as INTERNAL, so a bug
  /// in a handler never leaks its details or takes the daemon down.
  func rpcError(from error: any Error) -> RPCError {
    switch error {
    case let error as RPCError:
      // An interceptor further in wraps a handler's plain error as UNKNOWN with the error as
      // its cause; unwrap it so it is reported like any other unexpected failure.
      if error.code == .unknown, error.message.isEmpty, let cause = error.cause, !(cause is RPCError) {
        return rpcError(from: cause)
      }
      return error
    case let error as any RPCErrorConvertible:
      return RPCError(error)
    case is CancellationError:
      return RPCError(code: .cancelled, message: "The RPC was cancelled.")
    default:
      logger.error(
        "rpc handler failed",
        metadata: [
          "method": LogText.value(method), "request_id": LogText.value(requestID),
          "error": LogText.value(String(reflecting: error)),
        ]
      )
      return RPCError(
        code: .internalError,
        message: "Internal error; the daemon log has the details under request id \(requestID)."
      )
    }
  }

  func finish(code: String, message: String?) {
    let duration = ContinuousClock.now - started
    metrics.recordRPC(method: method, code: code, duration: duration)
    // Every value goes through LogText: a client's text (in a refusal's message) is escaped
    // and clipped, so it cannot forge a line, and a refusal listing many problems logs their
    // count and the first few in one bounded line.
    var metadata: Logger.Metadata = [
      "method": LogText.value(method),
      "code": LogText.value(code),
      "duration_ms": "\(Self.milliseconds(duration))",
      "request_id": LogText.value(requestID),
      "peer": LogText.value(peer),
    ]
    if let message, code != StatusCodeName.ok { metadata["message"] = LogText.value(message) }
    logger.info("rpc finished", metadata: metadata)
  }

  private static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let micros = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    let fraction = String(micros % 1000)
    return "\(micros / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
  }
}
