public import Prometheus

/// The metrics of connections and health watches: what a client may hold before it has
/// authenticated (`docs/operations.md`, "Connections and health watches").
///
/// | name | type | labels |
/// |---|---|---|
/// | `impact_connections` | gauge | `endpoint` (`grpc`, `metrics`) |
/// | `impact_connections_refused_total` | counter | `endpoint` |
/// | `impact_connections_closed_total` | counter | `endpoint`, `reason` |
/// | `impact_health_watchers` | gauge | – |
extension DaemonMetrics {
  static var connections: MetricNameDescriptor {
    MetricNameDescriptor(
      namespace: "impact", metricName: "connections", unitName: "",
      helpText: "Open connections, by endpoint (grpc or metrics).")
  }
  static var connectionsRefused: MetricNameDescriptor {
    MetricNameDescriptor(
      namespace: "impact", metricName: "connections_refused", unitName: "total",
      helpText: "Connections closed as soon as they were accepted because the endpoint's connection limit was reached.")
  }
  static var connectionsClosed: MetricNameDescriptor {
    MetricNameDescriptor(
      namespace: "impact", metricName: "connections_closed", unitName: "total",
      helpText:
        "Connections the daemon closed itself, by endpoint and reason (preface_timeout, unresponsive, request_timeout, shutdown)."
    )
  }
  static var healthWatchers: MetricNameDescriptor {
    MetricNameDescriptor(
      namespace: "impact", metricName: "health_watchers", unitName: "",
      helpText: "Open grpc.health.v1.Health/Watch streams.")
  }

  /// Registers the connection and health-watch gauges at 0, so that they are scraped before
  /// the first connection.
  func registerTransportMetrics() {
    for endpoint in ["grpc", "metrics"] { setConnections(0, endpoint: endpoint) }
    setHealthWatchers(0)
  }

  /// Sets `impact_connections` of `endpoint`.
  func setConnections(_ count: Int, endpoint: String) {
    registry.makeGauge(descriptor: Self.connections, labels: [("endpoint", endpoint)]).set(Int64(count))
  }

  /// Counts a connection refused at the limit.
  func recordConnectionRefused(endpoint: String) {
    registry.makeCounter(descriptor: Self.connectionsRefused, labels: [("endpoint", endpoint)]).increment()
  }

  /// Counts a connection the daemon closed, and why.
  func recordConnectionClosed(endpoint: String, reason: String) {
    registry.makeCounter(descriptor: Self.connectionsClosed, labels: [("endpoint", endpoint), ("reason", reason)])
      .increment()
  }

  /// Sets `impact_health_watchers`.
  func setHealthWatchers(_ count: Int) {
    registry.makeGauge(descriptor: Self.healthWatchers).set(Int64(count))
  }
}
