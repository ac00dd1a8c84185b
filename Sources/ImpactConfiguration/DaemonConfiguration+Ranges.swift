extension DaemonConfiguration {
  /// Every numeric setting with its value in this configuration and its accepted range.
  var rangedSettings: [(range: SettingRange, value: Int)] {
    var settings: [(range: SettingRange, value: Int)] = [
      (.maxRequestPayloadBytes, limits.maxRequestPayloadBytes),
      (.maxConcurrentStreamsPerConnection, limits.maxConcurrentStreamsPerConnection),
      (.maxPageSize, limits.maxPageSize),
      (.maxWatchSubscribers, limits.maxWatchSubscribers),
      (.maxProjectsPerRequest, limits.maxProjectsPerRequest),
      (.maxOutcomesPerRequest, limits.maxOutcomesPerRequest),
      (.maxRatingsPerRequest, limits.maxRatingsPerRequest),
      (.importIdleSeconds, limits.importIdleSeconds),
      (.maxConnections, transport.maxConnections),
      (.maxHealthWatchers, transport.maxHealthWatchers),
      (
        SettingRange(key: "listen", bounds: SettingRange.port.bounds, reason: SettingRange.port.reason),
        server.listen.port
      ),
      (.gracePeriodMilliseconds, Self.milliseconds(server.gracePeriod)),
    ]
    if let bytes = database.maxSizeBytes { settings.append((.maxDatabaseBytes, bytes)) }
    if let metrics = metrics.listen {
      settings.append(
        (
          SettingRange(key: "metricsListen", bounds: SettingRange.port.bounds, reason: SettingRange.port.reason),
          metrics.port
        ))
    }
    return settings
  }

  /// Refuses a numeric setting outside the range its consumer accepts (``SettingRange``),
  /// whatever set it: a flag, a variable, the file, or code.
  ///
  /// The parsers already check the values they read, naming the flag, variable or file key;
  /// this catches a configuration built or changed in code.
  /// - Throws: ``ConfigurationError`` naming the key and the range.
  public func checkRanges() throws {
    for (range, value) in rangedSettings {
      try range.check(value, setting: range.key)
    }
  }

  private static func milliseconds(_ duration: Duration) -> Int {
    let (seconds, attoseconds) = duration.components
    let (product, overflow) = Int(clamping: seconds).multipliedReportingOverflow(by: 1000)
    return overflow ? (seconds < 0 ? Int.min : Int.max) : product + Int(attoseconds / 1_000_000_000_000_000)
  }
}
