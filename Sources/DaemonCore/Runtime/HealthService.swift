public import GRPCCore
public import ImpactAPI

/// The standard gRPC health service (`grpc.health.v1.Health`), answering from a
/// ``HealthStatusBoard``.
///
/// - `Check`: the status of a service (`""` for the whole daemon), NOT_FOUND for an unknown name.
/// - `List`: every known service with its status.
/// - `Watch`: the status now and after every change; SERVICE_UNKNOWN for an unknown name (the
///   stream stays open). The stream ends when the client cancels or the daemon shuts down.
public struct HealthService: Grpc_Health_V1_Health.SimpleServiceProtocol {
  /// `grpc.health.v1.Health`.
  public static let serviceName = "grpc.health.v1.Health"

  private let board: HealthStatusBoard

  /// A health service reporting what the board says.
  public init(board: HealthStatusBoard) {
    self.board = board
  }

  public func check(
    request: Grpc_Health_V1_HealthCheckRequest,
    context: ServerContext
  ) async throws -> Grpc_Health_V1_HealthCheckResponse {
    guard let status = board.status(of: request.service) else {
      throw RPCError(code: .notFound, message: "Unknown service \"\(request.service)\".")
    }
    return Self.response(status)
  }

  public func list(
    request: Grpc_Health_V1_HealthListRequest,
    context: ServerContext
  ) async throws -> Grpc_Health_V1_HealthListResponse {
    var response = Grpc_Health_V1_HealthListResponse()
    for (service, status) in board.statuses {
      response.statuses[service] = Self.response(status)
    }
    return response
  }

  public func watch(
    request: Grpc_Health_V1_HealthCheckRequest,
    response: RPCWriter<Grpc_Health_V1_HealthCheckResponse>,
    context: ServerContext
  ) async throws {
    let subscription = board.subscribe(to: request.service)
    // The server does not cancel this task when the client goes away: end the watch from the
    // RPC's cancellation handler so the handler returns and the server can drain.
    try await withRPCCancellationHandler {
      try await withTaskCancellationHandler {
        for await status in subscription.updates {
          if context.cancellation.isCancelled { break }
          try await response.write(Self.response(status))
        }
      } onCancel: {
        subscription.end()
      }
    } onCancelRPC: {
      subscription.end()
    }
  }

  static func response(_ status: HealthStatus) -> Grpc_Health_V1_HealthCheckResponse {
    var response = Grpc_Health_V1_HealthCheckResponse()
    switch status {
    case .serving: response.status = .serving
    case .notServing: response.status = .notServing
    case .serviceUnknown: response.status = .serviceUnknown
    }
    return response
  }
}
