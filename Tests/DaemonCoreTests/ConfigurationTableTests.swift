import ArgumentParser
import DaemonCore
import Foundation
import ImpactConfiguration
import Testing

@testable import impactd

/// The settings of impactd are one table (``DaemonSetting/all``): the flags, the environment
/// variables, the file keys and the table of docs/operations.md all come from it.
@Suite("One table of settings")
struct ConfigurationTableTests {
  static let operations = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "docs/operations.md")

  @Test("docs/operations.md shows exactly the rows the table renders")
  func documentationIsTheTable() throws {
    let text = try String(contentsOf: Self.operations, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let header = try #require(lines.firstIndex(of: "| setting | flag | environment | file key | default |"))
    let rows = lines[(header + 2)...].prefix { $0.hasPrefix("|") }
    #expect(Array(rows) == DaemonSetting.all.map(\.documentationRow))
  }

  @Test("every flag of the table is an option of impactd serve, read through the table")
  func flagsAreOptions() throws {
    for setting in DaemonSetting.all {
      guard let flag = setting.flag else { continue }
      let arguments = setting.documentation.flagValue.isEmpty ? [flag] : [flag, "/nonexistent/x"]
      // Parsing may refuse the value, but never the flag itself.
      do {
        _ = try ServeOptions.parse(arguments)
      } catch {
        #expect(
          !ServeOptions.message(for: error).contains("Unknown option"), "\(flag): \(ServeOptions.message(for: error))")
      }
    }
  }

  @Test("names are unique in each source")
  func uniqueNames() {
    for names in [
      DaemonSetting.all.compactMap(\.flag), DaemonSetting.all.compactMap(\.environment),
      DaemonSetting.all.compactMap(\.fileKey),
    ] {
      #expect(Set(names).count == names.count)
    }
  }

  @Test("a file key the table does not know is refused with the keys of its section")
  func unknownKeyMessage() {
    #expect(
      throws: ConfigurationError(
        setting: "impactd.json: limits.maxPageSise", key: "config.unknown-key",
        values: [
          "expected":
            "importIdleSeconds, maxConcurrentStreamsPerConnection, maxConnections, maxHealthWatchers, maxOutcomesPerRequest, maxPageSize, maxProjectsPerRequest, maxRatingsPerRequest, maxRequestPayloadBytes, maxWatchSubscribers"
        ])
    ) {
      try ConfigurationLayer(fileContents: Array(#"{"limits": {"maxPageSise": 10}}"#.utf8), path: "impactd.json")
    }
  }
}
