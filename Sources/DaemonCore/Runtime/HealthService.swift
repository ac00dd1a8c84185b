public import GRPCCore
public import ImpactAPI
public import ImpactConfiguration
import ImpactRPC

/// The standard gRPC health service (`grpc.health.v1.Health`), answering from a
/// ``HealthStatusBoard``.
///
/// - `Check`: the status of a service (`""` for the whole daemon), NOT_FOUND for an unknown name.
/// - Every method: a service name over ``TransportLimits/maxHealthServiceNameBytes`` is
///   INVALID_ARGUMENT (a longer message is refused before it is buffered,
///   ``HealthRequestGuardHandler``); past ``TransportLimits/maxHealthWatchers`` open watches,
///   `Watch` is RESOURCE_EXHAUSTED.
/// - `List`: every known service with its status.
/// - `Watch`: the status now and after every change; SERVICE_UNKNOWN for an unknown name (the
///   stream stays open). The stream ends when the client cancels or the daemon shuts down.
public struct HealthService: Grpc_Health_V1_Health.SimpleServiceProtocol {
  /// `grpc.health.v1.Health`.
  public static let serviceName = "grpc.health.v1.Health"

  private let board: HealthStatusBoard
  private let limits: TransportLimits
  private let metrics: DaemonMetrics?

  /// A health service reporting what the board says.
  ///
  /// - Parameters:
  ///   - board: the statuses reported.
  ///   - limits: the longest service name and the most open watches
  ///     (``TransportLimits/maxHealthServiceNameBytes``, ``TransportLimits/maxHealthWatchers``).
  ///   - metrics: where the number of open watches is reported (`impact_health_watchers`).
  public init(board: HealthStatusBoard, limits: TransportLimits = .defaults, metrics: DaemonMetrics? = nil) {
    self.board = board
    self.limits = limits
    self.metrics = metrics
  }

  /// A service name longer than any the daemon has: INVALID_ARGUMENT on `service`.
  static func nameTooLong(bytes: Int, limit: Int) -> RequestFieldError {
    RequestFieldError(
      code: .invalidArgument, field: "service", rule: "health_service_name",
      values: ["value": "\(bytes)", "limit": "\(limit)"],
      english: "a service name of \(bytes) bytes is longer than the limit of \(limit) bytes")
  }

  private func checkName(_ service: String) throws {
    let bytes = service.utf8.count
    if bytes > limits.maxHealthServiceNameBytes {
      throw Self.nameTooLong(bytes: bytes, limit: limits.maxHealthServiceNameBytes)
    }
  }

  public func check(
    request: Grpc_Health_V1_HealthCheckRequest,
    context: ServerContext
  ) async throws -> Grpc_Health_V1_HealthCheckResponse {
    try checkName(request.service)
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
    try checkName(request.service)
    guard let subscription = board.subscribe(to: request.service, maximumWatchers: limits.maxHealthWatchers) else {
      throw RequestFieldError(
        code: .resourceExhausted, field: "", rule: "too_many_health_watchers",
        values: ["limit": "\(limits.maxHealthWatchers)"],
        english: "too many health watches (at most \(limits.maxHealthWatchers)); try again later")
    }
    metrics?.setHealthWatchers(board.watcherCount)
    defer {
      subscription.end()
      metrics?.setHealthWatchers(board.watcherCount)
    }
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
