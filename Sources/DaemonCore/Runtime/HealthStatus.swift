/// The serving status of the daemon or one of its gRPC services, as the health protocol
/// (`grpc.health.v1`) reports it.
public enum HealthStatus: Sendable, Hashable {
  /// Answering requests.
  case serving
  /// Starting (the store is loading) or shutting down.
  case notServing
  /// The name is not a service this daemon registered (only reported by Watch).
  case serviceUnknown
}
