import CoreMetrics
import Metrics
public import Prometheus

/// The daemon's metrics, recorded through swift-metrics into one Prometheus registry.
///
/// Each daemon owns its registry, so tests running several daemons in one process see only
/// their own numbers; the executable also bootstraps the global `MetricsSystem` with
/// ``factory`` so metrics of libraries land in the same registry.
///
/// | name | type | labels |
/// |---|---|---|
/// | `impact_rpc_requests_total` | counter | `method`, `code` |
/// | `impact_rpc_errors_total` | counter | `method`, `code` (every code but OK) |
/// | `impact_rpc_duration_seconds` | histogram | `method` |
/// | `impact_projects` | gauge | – |
/// | `impact_revision` | gauge | – |
public struct DaemonMetrics: Sendable {
  /// The registry the metrics endpoint renders.
  public let registry: PrometheusCollectorRegistry
  /// A swift-metrics factory writing into ``registry``.
  public let factory: PrometheusMetricsFactory

  /// Metrics recorded into a new, empty registry.
  public init() {
    self.init(registry: PrometheusCollectorRegistry())
  }

  /// Metrics recorded into an existing registry.
  public init(registry: PrometheusCollectorRegistry) {
    self.registry = registry
    var factory = PrometheusMetricsFactory(registry: registry)
    factory.durationHistogramBuckets["impact_rpc_duration_seconds"] = [
      .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
      .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
      .seconds(5), .seconds(10),
    ]
    self.factory = factory
  }

  /// Records one finished RPC.
  ///
  /// - Parameters:
  ///   - method: the fully qualified method, `impact.v1.ScoringService/GetScore`.
  ///   - code: the status code name, `OK`, `NOT_FOUND`...
  ///   - duration: from the first request part to the status.
  public func recordRPC(method: String, code: String, duration: Duration) {
    Counter(label: "impact_rpc_requests_total", dimensions: [("method", method), ("code", code)], factory: factory)
      .increment()
    if code != "OK" {
      Counter(label: "impact_rpc_errors_total", dimensions: [("method", method), ("code", code)], factory: factory)
        .increment()
    }
    Timer(label: "impact_rpc_duration_seconds", dimensions: [("method", method)], factory: factory)
      .record(duration: duration)
  }

  /// Sets `impact_projects`, the number of projects in the current snapshot.
  public func setProjectCount(_ count: Int) {
    Gauge(label: "impact_projects", factory: factory).record(count)
  }

  /// Sets `impact_revision`, the revision of the current snapshot.
  public func setRevision(_ revision: Int64) {
    Gauge(label: "impact_revision", factory: factory).record(revision)
  }

  /// The registry in Prometheus text exposition format.
  public func render() -> [UInt8] {
    var buffer: [UInt8] = []
    registry.emit(into: &buffer)
    return buffer
  }
}
