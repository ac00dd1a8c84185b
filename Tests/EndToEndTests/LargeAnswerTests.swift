import Foundation
import Testing

/// The CLI receives answers larger than gRPC's default 4 MiB: a portfolio of 5 000 projects
/// (about 6 MB) is imported and exported through the real `impact` and `impactd`.
@Suite("Large answers through the CLI", .timeLimit(.minutes(3)))
struct LargeAnswerTests {
  /// The reference fixture with each project copied `copies` times under new ids.
  static func largePortfolio(copies: Int) throws -> Data {
    let fixture = try Data(contentsOf: BuiltProducts.referenceFixture)
    var document = try #require(try JSONSerialization.jsonObject(with: fixture) as? [String: Any])
    let projects = try #require(document["projects"] as? [[String: Any]])
    var copied: [[String: Any]] = []
    for number in 0..<copies {
      for project in projects {
        var copy = project
        copy["id"] = "\(project["id"] as? String ?? "p")-\(number)"
        copied.append(copy)
      }
    }
    document["projects"] = copied
    return try JSONSerialization.data(withJSONObject: document)
  }

  @Test("impact export of a portfolio over 4 MiB succeeds and carries every project")
  func exportOverFourMebibytes() async throws {
    let directory = try TemporaryDirectory()
    let file = directory.path("large.json")
    let document = try Self.largePortfolio(copies: 1_250)
    try document.write(to: URL(fileURLWithPath: file))
    #expect(document.count > 4 << 20)

    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", file], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")

    let exported = try await CLIRun.impact(["export"], daemon: daemon)
    #expect(exported.status == 0, "\(exported.stderr)")
    #expect(exported.stdout.utf8.count > 4 << 20)
    let parsed = try JSONSerialization.jsonObject(with: Data(exported.stdout.utf8)) as? [String: Any]
    #expect((parsed?["projects"] as? [Any])?.count == 5_000)

    let listed = try await CLIRun.impact(["projects", "list", "--output", "json"], daemon: daemon)
    #expect(listed.status == 0, "\(listed.stderr)")
    await daemon.stop()
  }
}
