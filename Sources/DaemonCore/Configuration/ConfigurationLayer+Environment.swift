extension ConfigurationLayer {
  /// The environment variables the daemon reads, each with the key it sets.
  public static let environmentVariables: [String] = [
    "IMPACTD_LISTEN", "IMPACTD_DATABASE", "IMPACTD_DURABILITY", "IMPACTD_METRICS_LISTEN",
    "IMPACTD_LOG_LEVEL", "IMPACTD_CONFIG",
  ]

  /// Reads the `IMPACTD_*` variables; an empty variable counts as unset.
  ///
  /// - Throws: ``ConfigurationError`` naming the variable whose value cannot be parsed.
  public init(environment: [String: String]) throws {
    self.init()
    func value(_ name: String) -> String? {
      guard let value = environment[name], !value.isEmpty else { return nil }
      return value
    }
    if let text = value("IMPACTD_LISTEN") {
      listen = try Self.parseListenAddress(text, setting: "IMPACTD_LISTEN")
    }
    if let text = value("IMPACTD_DATABASE") {
      databasePath = try Self.parsePath(text, setting: "IMPACTD_DATABASE")
    }
    if let text = value("IMPACTD_DURABILITY") {
      durability = try Self.parseDurability(text, setting: "IMPACTD_DURABILITY")
    }
    if let text = value("IMPACTD_METRICS_LISTEN") {
      metrics = try Self.parseMetricsEndpoint(text, setting: "IMPACTD_METRICS_LISTEN")
    }
    if let text = value("IMPACTD_LOG_LEVEL") {
      logLevel = try Self.parseLogLevel(text, setting: "IMPACTD_LOG_LEVEL")
    }
    configFile = value("IMPACTD_CONFIG")
  }
}
