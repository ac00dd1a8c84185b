internal import Localization

/// The values a numeric setting may take: the range its consumer accepts.
///
/// Checked when the configuration is read (``DaemonConfiguration/checkRanges()``), so that a
/// value out of range stops `impactd` at start with exit 78 and a message naming the setting
/// and the range, instead of passing validation and trapping later (an HTTP/2 setting over
/// 32 bits crashed the daemon on its first connection).
public struct SettingRange: Sendable, Hashable {
  /// The configuration file key (`limits.maxConcurrentStreamsPerConnection`).
  public var key: String
  /// The accepted values.
  public var bounds: ClosedRange<Int>
  /// The catalogue key of why these bounds (`config.range.http2-streams`: an HTTP/2 SETTINGS
  /// value is 32 bits).
  public var reason: String

  /// Creates a range.
  public init(key: String, bounds: ClosedRange<Int>, reason: String) {
    self.key = key
    self.bounds = bounds
    self.reason = reason
  }

  /// `value` if it is in range.
  ///
  /// - Parameter setting: how the value was given (`--max-database-size`,
  ///   `impactd.json: limits.maxPageSize`), for the message.
  /// - Throws: ``ConfigurationError`` naming `setting`, the range and why.
  @discardableResult
  public func check(_ value: Int, setting: String) throws -> Int {
    guard bounds.contains(value) else {
      throw ConfigurationError(
        setting: setting, key: "config.range",
        values: [
          "low": "\(bounds.lowerBound)", "high": "\(bounds.upperBound)", "reason": Catalogue.text(reason, .en),
          "reason-key": reason, "value": "\(value)",
        ]
      )
    }
    return value
  }
}

extension SettingRange {
  /// The largest value of a 32-bit unsigned field.
  static let uint32Max = Int(UInt32.max)
  /// The largest value of a 32-bit signed field.
  static let int32Max = Int(Int32.max)

  /// `limits.maxRequestPayloadBytes`: the gRPC length prefix of a message is 32 bits.
  public static let maxRequestPayloadBytes = SettingRange(
    key: "limits.maxRequestPayloadBytes", bounds: 1...uint32Max,
    reason: "config.range.grpc-length")
  /// `limits.maxConcurrentStreamsPerConnection`: sent to each client as the HTTP/2 setting
  /// SETTINGS_MAX_CONCURRENT_STREAMS, a 32-bit unsigned number.
  public static let maxConcurrentStreamsPerConnection = SettingRange(
    key: "limits.maxConcurrentStreamsPerConnection", bounds: 1...uint32Max,
    reason: "config.range.http2-streams")
  /// `limits.maxPageSize`: a request's `page_size` is an int32.
  public static let maxPageSize = SettingRange(
    key: "limits.maxPageSize", bounds: 1...int32Max, reason: "config.range.page-size")
  /// `limits.importIdleSeconds`: a streamed import holds the writes; a day at most.
  public static let importIdleSeconds = SettingRange(
    key: "limits.importIdleSeconds", bounds: 1...86_400, reason: "config.range.import-idle")
  /// `limits.maxWatchSubscribers`.
  public static let maxWatchSubscribers = SettingRange(
    key: "limits.maxWatchSubscribers", bounds: 1...int32Max, reason: "config.range.watches")
  /// `limits.maxProjectsPerRequest`: no message carries more repeated items than an int32
  /// counts.
  public static let maxProjectsPerRequest = SettingRange(
    key: "limits.maxProjectsPerRequest", bounds: 1...int32Max,
    reason: "config.range.list-items")
  /// `limits.maxOutcomesPerRequest`.
  public static let maxOutcomesPerRequest = SettingRange(
    key: "limits.maxOutcomesPerRequest", bounds: 1...int32Max,
    reason: "config.range.list-items")
  /// `limits.maxRatingsPerRequest`.
  public static let maxRatingsPerRequest = SettingRange(
    key: "limits.maxRatingsPerRequest", bounds: 1...int32Max,
    reason: "config.range.list-items")
  /// `maxDatabaseBytes`: at least 64 KiB (one page of SQLite's largest size), at most what
  /// SQLite can address: 2^32 - 2 pages of 64 KiB.
  public static let maxDatabaseBytes = SettingRange(
    key: "maxDatabaseBytes", bounds: 65_536...(uint32Max - 1) * 65_536,
    reason: "config.range.database")
  /// The port of `listen` and `metricsListen`.
  public static let port = SettingRange(key: "port", bounds: 0...65_535, reason: "config.range.port")
  /// `gracePeriodSeconds`, in milliseconds as stored.
  public static let gracePeriodMilliseconds = SettingRange(
    key: "gracePeriodSeconds", bounds: 0...86_400_000, reason: "config.range.grace")
}
