public import Logging

extension ConfigurationLayer {
  /// Parses `HOST:PORT`.
  public static func parseListenAddress(_ text: String, setting: String) throws -> ListenAddress {
    guard let address = ListenAddress(parsing: text) else {
      throw ConfigurationError(setting: setting, message: "expected HOST:PORT, got \"\(text)\"")
    }
    return address
  }

  /// Parses `HOST:PORT`, or `off` for no metrics endpoint.
  public static func parseMetricsEndpoint(
    _ text: String,
    setting: String
  ) throws -> DaemonConfiguration.MetricsEndpoint {
    if text == "off" { return .init(listen: nil) }
    guard let address = ListenAddress(parsing: text) else {
      throw ConfigurationError(setting: setting, message: "expected HOST:PORT or off, got \"\(text)\"")
    }
    return .init(listen: address)
  }

  /// Parses `full` or `normal`.
  public static func parseDurability(_ text: String, setting: String) throws -> Durability {
    guard let durability = Durability(rawValue: text) else {
      let choices = Durability.allCases.map(\.rawValue).joined(separator: " or ")
      throw ConfigurationError(setting: setting, message: "expected \(choices), got \"\(text)\"")
    }
    return durability
  }

  /// Parses a swift-log level name (`trace` ... `critical`).
  public static func parseLogLevel(_ text: String, setting: String) throws -> Logger.Level {
    guard let level = Logger.Level(rawValue: text) else {
      let choices = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
      throw ConfigurationError(setting: setting, message: "expected one of \(choices), got \"\(text)\"")
    }
    return level
  }

  /// Parses a non-negative number of seconds, fractions allowed.
  public static func parseSeconds(_ text: String, setting: String) throws -> Duration {
    guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 86_400 else {
      throw ConfigurationError(
        setting: setting,
        message: "expected a number of seconds between 0 and 86400, got \"\(text)\""
      )
    }
    return .milliseconds(Int64((seconds * 1000).rounded()))
  }

  /// Parses a positive integer.
  public static func parsePositiveInteger(_ text: String, setting: String) throws -> Int {
    guard let value = Int(text), value > 0 else {
      throw ConfigurationError(setting: setting, message: "expected a positive integer, got \"\(text)\"")
    }
    return value
  }

  /// Rejects an empty path.
  public static func parsePath(_ text: String, setting: String) throws -> String {
    guard !text.isEmpty else {
      throw ConfigurationError(setting: setting, message: "expected a file path, got an empty string")
    }
    return text
  }
}
