import BuildInfo
import Foundation
public import Prometheus

/// The daemon's metrics, in one Prometheus registry, each family with its `# HELP` line.
///
/// Each daemon owns its registry, so tests running several daemons in one process see only
/// their own numbers; the executable also bootstraps the global swift-metrics `MetricsSystem`
/// with ``factory`` so metrics of libraries land in the same registry. The daemon's own
/// families are made on the registry directly, because swift-metrics has no place for help
/// texts and `promtool check metrics` wants one on every family.
///
/// | name | type | labels |
/// |---|---|---|
/// | `impact_rpc_requests_total` | counter | `method`, `code` |
/// | `impact_rpc_errors_total` | counter | `method`, `code` (every code but OK) |
/// | `impact_rpc_duration_seconds` | histogram | `method` |
/// | `impact_projects` | gauge | – |
/// | `impact_revision` | gauge | – |
/// | `impact_build_info` | gauge (always 1) | `version`, `commit` |
/// | `impact_database_size_bytes`, `impact_database_wal_size_bytes` | gauge | – |
/// | `process_*` | the standard process metrics (``ProcessMetrics``) | – |
public struct DaemonMetrics: Sendable {
  /// The registry the metrics endpoint renders.
  public let registry: PrometheusCollectorRegistry
  /// A swift-metrics factory writing into ``registry``.
  public let factory: PrometheusMetricsFactory
  /// The database file whose size is reported at each scrape; nil reports none.
  public var databasePath: String?

  /// The version `impact_build_info` reports (the same one `impact status` shows).
  public static let version = BuildInfo.version
  /// The git commit `impact_build_info` reports, stamped at build time (``BuildInfo``).
  public static let commit = BuildInfo.commit

  static let durationBuckets: [Duration] = [
    .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
    .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
    .seconds(5), .seconds(10),
  ]

  static var requests: MetricNameDescriptor {
    MetricNameDescriptor(
      namespace: "impact", metricName: "rpc_requests", unitName: "total",
      helpText: "RPCs finished, by fully qualified method and gRPC status code.")
  }
  static var errors: MetricNameDescriptor {
    MetricNameDescriptor(
      namespace: "impact", metricName: "rpc_errors", unitName: "total",
      helpText: "RPCs finished with a status other than OK, by method and gRPC status code.")
  }
  static var duration: MetricNameDescriptor {
    MetricNameDescriptor(
      namespace: "impact", metricName: "rpc_duration", unitName: "seconds",
      helpText: "Time from the first request part to the status, by method.")
  }
  static var projects: MetricNameDescriptor {
    MetricNameDescriptor(
      namespace: "impact", metricName: "projects", unitName: "",
      helpText: "Projects in the current portfolio snapshot.")
  }
  static var revision: MetricNameDescriptor {
    MetricNameDescriptor(
      namespace: "impact", metricName: "revision", unitName: "",
      helpText: "Revision of the current portfolio snapshot (one per committed change).")
  }
  static var buildInfo: MetricNameDescriptor {
    MetricNameDescriptor(
      namespace: "impact", metricName: "build", unitName: "info",
      helpText: "Always 1; the labels are the impactd version and the git commit it was built from.")
  }

  /// Metrics recorded into a new, empty registry.
  public init() {
    self.init(registry: PrometheusCollectorRegistry())
  }

  /// Metrics recorded into an existing registry.
  public init(registry: PrometheusCollectorRegistry) {
    self.registry = registry
    self.factory = PrometheusMetricsFactory(registry: registry)
    registry.makeGauge(descriptor: Self.buildInfo, labels: [("version", Self.version), ("commit", Self.commit)]).set(
      Int64(1))
    registry.makeGauge(descriptor: Self.projects).set(Int64(0))
    registry.makeGauge(descriptor: Self.revision).set(Int64(0))
  }

  /// Records one finished RPC.
  ///
  /// - Parameters:
  ///   - method: the fully qualified method, `impact.v1.ScoringService/GetScore`.
  ///   - code: the status code name, `OK`, `NOT_FOUND`...
  ///   - duration: from the first request part to the status.
  public func recordRPC(method: String, code: String, duration: Duration) {
    registry.makeCounter(descriptor: Self.requests, labels: [("method", method), ("code", code)]).increment()
    if code != "OK" {
      registry.makeCounter(descriptor: Self.errors, labels: [("method", method), ("code", code)]).increment()
    }
    registry.makeDurationHistogram(
      descriptor: Self.duration, labels: [("method", method)], buckets: Self.durationBuckets
    )
    .record(duration)
  }

  /// Sets `impact_projects`, the number of projects in the current snapshot.
  public func setProjectCount(_ count: Int) {
    registry.makeGauge(descriptor: Self.projects).set(Int64(count))
  }

  /// Sets `impact_revision`, the revision of the current snapshot.
  public func setRevision(_ revision: Int64) {
    registry.makeGauge(descriptor: Self.revision).set(revision)
  }

  /// The registry in Prometheus text exposition format, followed by what is read at each
  /// scrape: the process metrics and the database size.
  public func render() -> [UInt8] {
    var buffer: [UInt8] = []
    registry.emit(into: &buffer)
    var text = ProcessMetrics.current().exposition
    if let databasePath {
      text += Self.fileSizeFamily(
        "impact_database_size_bytes", help: "Size of the SQLite database file in bytes.", path: databasePath)
      text += Self.fileSizeFamily(
        "impact_database_wal_size_bytes", help: "Size of the database's write-ahead log (-wal file) in bytes.",
        path: databasePath + "-wal")
    }
    buffer.append(contentsOf: text.utf8)
    return buffer
  }

  /// A gauge family with the size of the file at `path`, 0 when it does not exist.
  static func fileSizeFamily(_ name: String, help: String, path: String) -> String {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
    return "# HELP \(name) \(help)\n# TYPE \(name) gauge\n\(name) \(size)\n"
  }
}
