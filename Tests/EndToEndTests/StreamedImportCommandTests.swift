import Foundation
import Testing

/// `impact import` of a document over 1 MiB streams it, checking the method's rules while the
/// projects are sent: a broken rule must still be named by file and line, end the stream before
/// it commits, and leave the portfolio as it was.
@Suite("Streamed import through the CLI", .timeLimit(.minutes(3)))
struct StreamedImportCommandTests {
  @Test("a broken rule in the last project of a large document: exit 65, named by file and line, nothing changes")
  func brokenRuleInLargeDocument() async throws {
    let directory = try TemporaryDirectory()
    var document = try #require(
      try JSONSerialization.jsonObject(with: LargeAnswerTests.largePortfolio(copies: 625)) as? [String: Any])
    var projects = try #require(document["projects"] as? [[String: Any]])
    var last = projects[projects.count - 1]
    var outcomes = try #require(last["outcomes"] as? [[String: Any]])
    let share = outcomes[0]["share"]
    outcomes[0]["share"] = 1.5
    last["outcomes"] = outcomes
    projects[projects.count - 1] = last
    document["projects"] = projects
    let file = directory.path("large.json")
    let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
    #expect(data.count > 1 << 20)
    try data.write(to: URL(fileURLWithPath: file))

    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let before = try await CLIRun.impact(["status", "--output", "json"], daemon: daemon)
    let refused = try await CLIRun.impact(["import", file], daemon: daemon)
    #expect(refused.status == 65, "\(refused.stderr)")
    #expect(refused.stderr.contains("large.json:"), "\(refused.stderr)")
    #expect(refused.stderr.contains("share"), "\(refused.stderr)")
    let after = try await CLIRun.impact(["status", "--output", "json"], daemon: daemon)
    func revision(_ text: String) throws -> Int? {
      (try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["revision"] as? Int
    }
    #expect(try revision(after.stdout) == revision(before.stdout))

    // The same document mended imports, streamed.
    outcomes[0]["share"] = share
    last["outcomes"] = outcomes
    projects[projects.count - 1] = last
    document["projects"] = projects
    try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: file))
    let imported = try await CLIRun.impact(["import", file], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    await daemon.stop()
  }
}
