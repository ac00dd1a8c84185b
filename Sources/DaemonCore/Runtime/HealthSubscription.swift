/// One watch of a service's health status, from ``HealthStatusBoard/subscribe(to:)``.
public struct HealthSubscription: Sendable {
  /// The current status, then every change; finishes when the watch ends.
  public let updates: AsyncStream<HealthStatus>
  private let continuation: AsyncStream<HealthStatus>.Continuation

  init(updates: AsyncStream<HealthStatus>, continuation: AsyncStream<HealthStatus>.Continuation) {
    self.updates = updates
    self.continuation = continuation
  }

  /// Ends the watch: `updates` finishes after the statuses already delivered.
  public func end() {
    continuation.finish()
  }
}
