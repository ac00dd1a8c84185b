extension ConfigurationLayer {
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
    if let text = value("IMPACTD_AUTH") {
      authentication = try Self.parseAuthentication(text, setting: "IMPACTD_AUTH")
    }
    tlsCertificate = try value("IMPACTD_TLS_CERT").map { try Self.parsePath($0, setting: "IMPACTD_TLS_CERT") }
    tlsKey = try value("IMPACTD_TLS_KEY").map { try Self.parsePath($0, setting: "IMPACTD_TLS_KEY") }
    tlsClientCA = try value("IMPACTD_TLS_CLIENT_CA").map { try Self.parsePath($0, setting: "IMPACTD_TLS_CLIENT_CA") }
    if let text = value("IMPACTD_ALLOW_INSECURE_REMOTE") {
      allowInsecureRemote = try Self.parseBoolean(text, setting: "IMPACTD_ALLOW_INSECURE_REMOTE")
    }
    if let text = value("IMPACTD_MAX_DATABASE_SIZE") {
      maxDatabaseBytes = try Self.parseDatabaseSize(text, setting: "IMPACTD_MAX_DATABASE_SIZE")
    }
    if let text = value("IMPACTD_INTEGRITY") {
      integrityCheck = try Self.parseIntegrityCheck(text, setting: "IMPACTD_INTEGRITY")
    }
    if let text = value("IMPACTD_READ_ONLY") {
      readOnly = try Self.parseBoolean(text, setting: "IMPACTD_READ_ONLY")
    }
    configFile = value("IMPACTD_CONFIG")
  }
}
