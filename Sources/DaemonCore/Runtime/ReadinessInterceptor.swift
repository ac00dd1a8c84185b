public import GRPCCore

/// Answers UNAVAILABLE while the daemon is not serving (the store is loading, or a shutdown
/// has started), so no RPC reads a store that is not there yet. The health service is always
/// answered: it is how clients learn when to come back.
public struct ReadinessInterceptor: ServerInterceptor {
  private let health: HealthStatusBoard
  private let alwaysAnswered: Set<String>

  /// Creates the interceptor.
  ///
  /// - Parameters:
  ///   - health: the board whose overall status (`""`) decides.
  ///   - alwaysAnswered: fully qualified services answered in any state.
  public init(health: HealthStatusBoard, alwaysAnswered: Set<String> = [HealthService.serviceName]) {
    self.health = health
    self.alwaysAnswered = alwaysAnswered
  }

  public func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next: @Sendable (StreamingServerRequest<Input>, ServerContext) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    guard
      alwaysAnswered.contains(context.descriptor.service.fullyQualifiedService)
        || health.status(of: "") == .serving
    else {
      throw RPCError(
        code: .unavailable,
        message: "impactd is not serving yet or is shutting down; retry with backoff."
      )
    }
    return try await next(request, context)
  }
}
