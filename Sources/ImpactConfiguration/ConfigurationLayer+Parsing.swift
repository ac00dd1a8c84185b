public import ImpactStorage
public import Logging

extension ConfigurationLayer {
  /// Parses `HOST:PORT`.
  public static func parseListenAddress(_ text: String, setting: String) throws -> ListenAddress {
    guard let address = ListenAddress(parsing: text) else {
      throw ConfigurationError(setting: setting, key: "config.expected-host-port", values: ["value": "\"\(text)\""])
    }
    return address
  }

  /// Parses `HOST:PORT`, a port alone (on loopback: `9464` is `127.0.0.1:9464`), or `off`
  /// for no metrics endpoint.
  public static func parseMetricsEndpoint(
    _ text: String,
    setting: String
  ) throws -> DaemonConfiguration.MetricsEndpoint {
    if text == "off" { return .init(listen: nil) }
    guard let address = ListenAddress(parsing: text) ?? ListenAddress(parsing: "127.0.0.1:" + text) else {
      throw ConfigurationError(
        setting: setting, key: "config.expected-metrics-address", values: ["value": "\"\(text)\""])
    }
    return .init(listen: address)
  }

  /// Parses `full` or `normal`.
  public static func parseDurability(_ text: String, setting: String) throws -> Durability {
    guard let durability = Durability(rawValue: text) else {
      let choices = Durability.allCases.map(\.rawValue).joined(separator: " or ")
      throw ConfigurationError(
        setting: setting, key: "config.expected-choice", values: ["choices": choices, "value": "\"\(text)\""])
    }
    return durability
  }

  /// Parses a swift-log level name (`trace` ... `critical`).
  public static func parseLogLevel(_ text: String, setting: String) throws -> Logger.Level {
    guard let level = Logger.Level(rawValue: text) else {
      let choices = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
      throw ConfigurationError(
        setting: setting, key: "config.expected-one-of", values: ["choices": choices, "value": "\"\(text)\""])
    }
    return level
  }

  /// Parses a non-negative number of seconds, fractions allowed.
  public static func parseSeconds(_ text: String, setting: String) throws -> Duration {
    guard let seconds = Double(text), seconds.isFinite, seconds >= 0, seconds <= 86_400 else {
      throw ConfigurationError(
        setting: setting, key: "config.expected-seconds", values: ["value": "\"\(text)\""]
      )
    }
    return .milliseconds(Int64((seconds * 1000).rounded()))
  }

  /// Parses `auto`, `on` or `off`.
  public static func parseAuthentication(_ text: String, setting: String) throws -> AuthenticationMode {
    guard let mode = AuthenticationMode(rawValue: text) else {
      let choices = AuthenticationMode.allCases.map(\.rawValue).joined(separator: ", ")
      throw ConfigurationError(
        setting: setting, key: "config.expected-one-of", values: ["choices": choices, "value": "\"\(text)\""])
    }
    return mode
  }

  /// Parses `true`/`false` (also `1`/`0`, `yes`/`no`).
  public static func parseBoolean(_ text: String, setting: String) throws -> Bool {
    switch text.lowercased() {
    case "true", "1", "yes", "on": return true
    case "false", "0", "no", "off": return false
    default:
      throw ConfigurationError(setting: setting, key: "config.expected-boolean", values: ["value": "\"\(text)\""])
    }
  }

  /// Parses `full`, `quick` or `off`.
  public static func parseIntegrityCheck(_ text: String, setting: String) throws -> IntegrityCheck {
    guard let check = IntegrityCheck(rawValue: text) else {
      let choices = IntegrityCheck.allCases.map(\.rawValue).joined(separator: ", ")
      throw ConfigurationError(
        setting: setting, key: "config.expected-one-of", values: ["choices": choices, "value": "\"\(text)\""])
    }
    return check
  }

  /// Parses a database size limit: a size in bytes (``parseByteCount(_:setting:)``) within
  /// ``SettingRange/maxDatabaseBytes``.
  public static func parseDatabaseSize(_ text: String, setting: String) throws -> Int {
    try SettingRange.maxDatabaseBytes.check(try parseByteCount(text, setting: setting), setting: setting)
  }

  /// Parses a size in bytes, with an optional `K`, `M` or `G` suffix (powers of 1024).
  public static func parseByteCount(_ text: String, setting: String) throws -> Int {
    let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
    var digits = Substring(text)
    var multiplier = 1
    if let last = text.last?.uppercased().first, let unit = units[last] {
      multiplier = unit
      digits = digits.dropLast()
      if digits.last == "i" { digits = digits.dropLast() }
    }
    guard let value = Int(digits), value > 0, value <= Int.max / multiplier else {
      throw ConfigurationError(
        setting: setting, key: "config.expected-bytes", values: ["value": "\"\(text)\""]
      )
    }
    return value * multiplier
  }

  /// Rejects an empty path.
  public static func parsePath(_ text: String, setting: String) throws -> String {
    guard !text.isEmpty else {
      throw ConfigurationError(setting: setting, key: "config.expected-path")
    }
    return text
  }

  /// A database: a SQLite file's path, or a `postgres://` location, checked here (its shape,
  /// no password in it) so that a mistake stops the daemon before it starts.
  public static func parseDatabase(_ text: String, setting: String) throws -> String {
    if PostgresLocation.isLocation(text) {
      _ = try PostgresLocation.parse(text, setting: setting)
      return text
    }
    return try parsePath(text, setting: setting)
  }
}
