import Foundation
package import GRPCCore
package import ImpactStore

/// Read-your-writes across daemons: a call carrying `impact-min-revision: N` (every write's
/// response says its revision) is answered only once this daemon's portfolio has revision N.
/// On a shared store the daemon catches up at once and as the others' changes are announced;
/// past the wait limit the call is refused with UNAVAILABLE (reason `REVISION_NOT_YET`), so a
/// client retries, here or on another daemon. Any gRPC client can send the header.
package struct MinimumRevisionInterceptor: ServerInterceptor {
  /// The metadata key.
  package static let key = "impact-min-revision"
  /// The store, once the application made it.
  private let store: @Sendable () -> PortfolioStore?
  /// The longest wait.
  private let limit: Duration

  package init(limit: Duration = .seconds(5), store: @escaping @Sendable () -> PortfolioStore?) {
    self.limit = limit
    self.store = store
  }

  package func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    guard let text = request.metadata[stringValues: Self.key].first(where: { _ in true }) else {
      return try await next(request, context)
    }
    guard let wanted = Int64(text.trimmingCharacters(in: .whitespaces)), wanted >= 0 else {
      throw RequestFieldError(
        code: .invalidArgument, field: Self.key, rule: "min_revision", values: ["value": String(text.prefix(40))],
        english: "must be a revision (a whole number, 0 or more), got '\(text.prefix(40))'")
    }
    if let store = store(), store.snapshot.revision < wanted {
      let reached = try await store.waitForRevision(wanted, timeout: limit)
      if reached < wanted {
        throw RevisionNotYet(wanted: wanted, reached: reached, seconds: Int(limit.components.seconds))
      }
    }
    return try await next(request, context)
  }
}

/// The daemon did not reach the revision a call asked for within the wait limit.
struct RevisionNotYet: Error, RPCErrorConvertible, ExplainedError {
  var wanted: Int64
  var reached: Int64
  var seconds: Int

  var rpcErrorCode: RPCError.Code { .unavailable }
  var rpcErrorMessage: String { explanation.message }
  var rpcErrorMetadata: Metadata { explainedMetadata }

  var explanation: DaemonErrorExplanation {
    DaemonErrorExplanation(
      code: .unavailable, reason: "REVISION_NOT_YET", key: "daemon.revision-not-yet",
      values: ["wanted": "\(wanted)", "reached": "\(reached)", "seconds": "\(seconds)"])
  }
}
