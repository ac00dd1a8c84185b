import ArgumentParser
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import ImpactAPI
import ImpactConfiguration
import ImpactStorage
import Localization
import Testing

@testable import impactd

/// Every numeric setting is checked at start against the range its consumer accepts, naming
/// the setting and the range (exit 78 in `impactd serve`). Before,
/// `limits.maxConcurrentStreamsPerConnection: 4294967296` passed, the daemon said "listening",
/// and trapped on its first connection when the value was sent as a 32-bit HTTP/2 setting.
@Suite("Configuration: every setting within its consumer's range", .timeLimit(.minutes(3)))
struct SettingRangeTests {
  private func resolve(
    file json: String, flags: [String] = [], environment: [String: String] = [:]
  ) throws
    -> DaemonConfiguration
  {
    var layer = try ServeOptions.parse(flags).layer()
    layer.configFile = "cfg.json"
    return try DaemonConfiguration.resolve(flags: layer, environment: environment) { _ in Array(json.utf8) }
  }

  /// Each limit of the file, its largest accepted value and the reason given past it.
  static let limits: [(key: String, upper: Int, reason: String)] = [
    ("maxRequestPayloadBytes", 4_294_967_295, "a gRPC message length is a 32-bit unsigned number"),
    (
      "maxConcurrentStreamsPerConnection", 4_294_967_295,
      "HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS is a 32-bit unsigned number"
    ),
    ("maxPageSize", 2_147_483_647, "page_size is a 32-bit signed number"),
    ("maxWatchSubscribers", 2_147_483_647, "at most 2^31 - 1 watches"),
    ("maxProjectsPerRequest", 2_147_483_647, "a message holds at most 2^31 - 1 items of a list"),
    ("maxOutcomesPerRequest", 2_147_483_647, "a message holds at most 2^31 - 1 items of a list"),
    ("maxRatingsPerRequest", 2_147_483_647, "a message holds at most 2^31 - 1 items of a list"),
    ("importIdleSeconds", 86_400, "a stalled import holds the writes: a day at most"),
  ]

  @Test("each limit: its largest value is accepted, one more is refused naming the key and the range", arguments: 0..<8)
  func limitBoundary(index: Int) throws {
    let (key, upper, reason) = Self.limits[index]
    _ = try resolve(file: #"{"limits": {"\#(key)": \#(upper)}}"#)
    let error = #expect(throws: ConfigurationError.self) {
      try resolve(file: #"{"limits": {"\#(key)": \#(upper + 1)}}"#)
    }
    #expect(
      error?.description
        == "cfg.json: limits.\(key): expected an integer from 1 to \(upper) (\(reason)), got \(upper + 1)")
    let french = error?.localizedDescription(Localizer(.fr)) ?? ""
    #expect(french.hasPrefix("cfg.json: limits.\(key): attendu : un entier de 1 à \(upper) ("), "\(french)")
    #expect(!french.contains(reason), "the reason stays in English: \(french)")
  }

  @Test("the reported attack: maxConcurrentStreamsPerConnection 4294967296 is refused at start")
  func reportedValue() {
    let error = #expect(throws: ConfigurationError.self) {
      try resolve(file: #"{"limits": {"maxConcurrentStreamsPerConnection": 4294967296}}"#)
    }
    #expect(
      error?.description
        == "cfg.json: limits.maxConcurrentStreamsPerConnection: expected an integer from 1 to 4294967295 "
        + "(HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS is a 32-bit unsigned number), got 4294967296")
  }

  @Test("the database size limit, from the file, a variable and a flag")
  func databaseSize() throws {
    let smallest = try resolve(file: #"{"maxDatabaseBytes": 65536}"#)
    #expect(smallest.database.maxSizeBytes == 65_536)
    #expect(throws: ConfigurationError.self) { try resolve(file: #"{"maxDatabaseBytes": 65535}"#) }
    let flag = #expect(throws: (any Error).self) { try resolve(file: "{}", flags: ["--max-database-size", "1K"]) }
    #expect(ServeOptions.message(for: flag!).hasPrefix("--max-database-size: expected an integer from 65536 to "))
    let error = #expect(throws: ConfigurationError.self) {
      try resolve(file: "{}", environment: ["IMPACTD_MAX_DATABASE_SIZE": "300000G"])
    }
    #expect(error?.setting == "IMPACTD_MAX_DATABASE_SIZE")
    #expect(error?.message.contains("to 281474976579584 ") == true, "\(error?.message ?? "")")
    _ = try resolve(file: "{}", flags: ["--max-database-size", "2M"])
  }

  @Test("--integrity, IMPACTD_INTEGRITY and the integrity key take full, quick or off")
  func integritySetting() throws {
    #expect(try resolve(file: "{}").database.integrityCheck == .quick)
    #expect(try resolve(file: #"{"integrity": "off"}"#).database.integrityCheck == .off)
    #expect(
      try resolve(file: #"{"integrity": "off"}"#, environment: ["IMPACTD_INTEGRITY": "full"]).database.integrityCheck
        == .full)
    #expect(
      try resolve(file: "{}", flags: ["--integrity", "off"], environment: ["IMPACTD_INTEGRITY": "full"]).database
        .integrityCheck == .off)
    let flag = #expect(throws: (any Error).self) { try resolve(file: "{}", flags: ["--integrity", "fast"]) }
    #expect(ServeOptions.message(for: flag!) == "--integrity: expected one of full, quick, off, got \"fast\"")
  }

  @Test("a configuration built in code is checked too, naming the key")
  func builtInCode() {
    var configuration = DaemonConfiguration.testing
    configuration.limits.maxConcurrentStreamsPerConnection = 4_294_967_296
    #expect(throws: ConfigurationError.self) { try configuration.checkRanges() }
    configuration = .testing
    configuration.server.gracePeriod = .seconds(-1)
    let error = #expect(throws: ConfigurationError.self) { try configuration.checkRanges() }
    #expect(error?.setting == "gracePeriodSeconds")
    configuration = .testing
    configuration.limits.maxPageSize = 0
    #expect(throws: ConfigurationError.self) { try configuration.checkRanges() }
  }

  @Test("the largest accepted HTTP/2 and gRPC values serve RPCs: nothing traps on a connection")
  func largestValuesServe() async throws {
    var configuration = DaemonConfiguration.testing
    configuration.limits.maxConcurrentStreamsPerConnection = 4_294_967_295
    configuration.limits.maxRequestPayloadBytes = 4_294_967_295
    configuration.limits.maxPageSize = 2_147_483_647
    try configuration.checkRanges()
    try await withRunningDaemon(configuration: configuration) { daemon in
      try await daemon.withClient { client in
        let health = Grpc_Health_V1_Health.Client(wrapping: client)
        for _ in 0..<3 {
          let response = try await health.check(healthRequest(""))
          #expect(response.status == .serving)
        }
      }
    }
  }
}
