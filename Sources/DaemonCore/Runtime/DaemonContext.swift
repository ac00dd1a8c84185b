public import ImpactConfiguration
public import Logging

/// What a ``DaemonApplication`` gets from the daemon: its configuration, logger, health board
/// and metrics.
public struct DaemonContext: Sendable {
  /// The resolved configuration (database path, durability, limits...).
  public let configuration: DaemonConfiguration
  /// The daemon's logger; services should derive theirs from it.
  public let logger: Logger
  /// The health board; the daemon flips it, applications rarely need to.
  public let health: HealthStatusBoard
  /// Where to set `impact_projects` and `impact_revision`.
  public let metrics: DaemonMetrics

  /// Creates a context (the daemon does; tests of services may too).
  public init(configuration: DaemonConfiguration, logger: Logger, health: HealthStatusBoard, metrics: DaemonMetrics) {
    self.configuration = configuration
    self.logger = logger
    self.health = health
    self.metrics = metrics
  }
}
