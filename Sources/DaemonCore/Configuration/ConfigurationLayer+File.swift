import Foundation

extension ConfigurationLayer {
  /// Reads a whole file.
  public static func readFile(_ path: String) throws -> [UInt8] {
    Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  /// Parses a JSON configuration file (see `docs/operations.md` for an example).
  ///
  /// - Parameters:
  ///   - fileContents: the file's bytes, UTF-8 JSON with one object at the top.
  ///   - path: the file's path, used in error messages.
  /// - Throws: ``ConfigurationError`` naming the file and the key that is unknown or wrong.
  public init(fileContents: [UInt8], path: String) throws {
    self.init()
    let root: ConfigurationFileValue
    do {
      root = try JSONDecoder().decode(ConfigurationFileValue.self, from: Data(fileContents))
    } catch {
      throw ConfigurationError(setting: path, key: "config.not-json", values: ["detail": Self.describe(error)])
    }
    guard case .object(let object) = root else {
      throw ConfigurationError(setting: path, key: "config.not-object", values: ["value": root.quoted])
    }

    let reader = FileSection(path: path, prefix: "", object: object)
    try reader.rejectUnknownKeys(Self.topLevelKeys)
    listen = try reader.string("listen").map { try Self.parseListenAddress($0, setting: reader.setting("listen")) }
    databasePath = try reader.string("database").map { try Self.parsePath($0, setting: reader.setting("database")) }
    durability = try reader.string("durability").map {
      try Self.parseDurability($0, setting: reader.setting("durability"))
    }
    if let value = object["metricsListen"] {
      if case .null = value {
        metrics = .init(listen: nil)
      } else {
        metrics = try reader.string("metricsListen").map {
          try Self.parseMetricsEndpoint($0, setting: reader.setting("metricsListen"))
        }
      }
    }
    logLevel = try reader.string("logLevel").map { try Self.parseLogLevel($0, setting: reader.setting("logLevel")) }
    gracePeriod = try reader.number("gracePeriodSeconds").map {
      try Self.parseSeconds("\($0)", setting: reader.setting("gracePeriodSeconds"))
    }

    if let limits = try reader.section("limits") {
      try limits.rejectUnknownKeys(Self.limitKeys)
      maxRequestPayloadBytes = try limits.integer("maxRequestPayloadBytes", in: .maxRequestPayloadBytes)
      maxConcurrentStreamsPerConnection = try limits.integer(
        "maxConcurrentStreamsPerConnection", in: .maxConcurrentStreamsPerConnection)
      maxPageSize = try limits.integer("maxPageSize", in: .maxPageSize)
      maxWatchSubscribers = try limits.integer("maxWatchSubscribers", in: .maxWatchSubscribers)
      maxProjectsPerRequest = try limits.integer("maxProjectsPerRequest", in: .maxProjectsPerRequest)
      maxOutcomesPerRequest = try limits.integer("maxOutcomesPerRequest", in: .maxOutcomesPerRequest)
      maxRatingsPerRequest = try limits.integer("maxRatingsPerRequest", in: .maxRatingsPerRequest)
      maxConnections = try limits.integer("maxConnections", in: .maxConnections)
      maxHealthWatchers = try limits.integer("maxHealthWatchers", in: .maxHealthWatchers)
    }
    maxDatabaseBytes = try reader.integer("maxDatabaseBytes", in: .maxDatabaseBytes)
    readOnly = try reader.boolean("readOnly")
    integrityCheck = try reader.string("integrity").map {
      try Self.parseIntegrityCheck($0, setting: reader.setting("integrity"))
    }
    authentication = try reader.string("auth").map {
      try Self.parseAuthentication($0, setting: reader.setting("auth"))
    }
    allowInsecureRemote = try reader.boolean("allowInsecureRemote")
    if let tls = try reader.section("tls") {
      try tls.rejectUnknownKeys(Self.tlsKeys)
      tlsCertificate = try tls.string("certificate").map { try Self.parsePath($0, setting: tls.setting("certificate")) }
      tlsKey = try tls.string("key").map { try Self.parsePath($0, setting: tls.setting("key")) }
      tlsClientCA = try tls.string("clientCA").map { try Self.parsePath($0, setting: tls.setting("clientCA")) }
    }
  }

  static let tlsKeys: Set<String> = ["certificate", "key", "clientCA"]

  static let topLevelKeys: Set<String> = [
    "listen", "database", "durability", "metricsListen", "logLevel", "gracePeriodSeconds", "limits",
    "maxDatabaseBytes", "readOnly", "auth", "allowInsecureRemote", "tls", "integrity",
  ]

  static let limitKeys: Set<String> = [
    "maxRequestPayloadBytes", "maxConcurrentStreamsPerConnection", "maxPageSize",
    "maxWatchSubscribers", "maxProjectsPerRequest", "maxOutcomesPerRequest", "maxRatingsPerRequest",
    "maxConnections", "maxHealthWatchers",
  ]

  private static func describe(_ error: any Error) -> String {
    if case DecodingError.dataCorrupted(let context) = error {
      return context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription
    }
    return "\(error)"
  }
}

/// One JSON object of a configuration file with typed accessors that name the key on error.
private struct FileSection {
  let path: String
  let prefix: String
  let object: [String: ConfigurationFileValue]

  func setting(_ key: String) -> String { "\(path): \(prefix)\(key)" }

  func rejectUnknownKeys(_ known: Set<String>) throws {
    if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
      let expected = known.sorted().joined(separator: ", ")
      throw ConfigurationError(
        setting: setting(unknown), key: "config.unknown-key", values: ["expected": expected]
      )
    }
  }

  func string(_ key: String) throws -> String? {
    switch object[key] {
    case .none: return nil
    case .string(let value): return value
    case .some(let other): throw ConfigurationError(setting: setting(key), key: "config.expected-string", values: ["value": other.quoted])
    }
  }

  func boolean(_ key: String) throws -> Bool? {
    switch object[key] {
    case .none: return nil
    case .bool(let value): return value
    case .some(let other): throw ConfigurationError(setting: setting(key), key: "config.expected-boolean", values: ["value": other.quoted])
    }
  }

  func number(_ key: String) throws -> Double? {
    switch object[key] {
    case .none: return nil
    case .integer(let value): return Double(value)
    case .number(let value): return value
    case .some(let other): throw ConfigurationError(setting: setting(key), key: "config.expected-number", values: ["value": other.quoted])
    }
  }

  func positiveInteger(_ key: String) throws -> Int? {
    switch object[key] {
    case .none: return nil
    case .integer(let value) where value > 0: return value
    case .some(let other):
      throw ConfigurationError(setting: setting(key), key: "config.expected-positive-integer", values: ["value": other.quoted])
    }
  }

  /// A positive integer within `range` (``SettingRange``).
  func integer(_ key: String, in range: SettingRange) throws -> Int? {
    try positiveInteger(key).map { try range.check($0, setting: setting(key)) }
  }

  func section(_ key: String) throws -> FileSection? {
    switch object[key] {
    case .none: return nil
    case .object(let value): return FileSection(path: path, prefix: "\(prefix)\(key).", object: value)
    case .some(let other): throw ConfigurationError(setting: setting(key), key: "config.expected-object", values: ["value": other.quoted])
    }
  }
}
