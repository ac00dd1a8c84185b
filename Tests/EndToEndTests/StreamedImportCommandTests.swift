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

  @Test(
    "on a terminal the import draws its progress, then says the daemon commits, and clears it before the summary; in French too"
  )
  func progressOnATerminal() async throws {
    let directory = try TemporaryDirectory()
    let file = directory.path("large.json")
    try Self.projectsLast(copies: 625).write(to: URL(fileURLWithPath: file))
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    for (language, drawn, committing) in [
      ("en", "Importing  [", "projects sent; the daemon is committing them…"),
      ("fr", "Import  [", "projets envoyés ; le démon les enregistre…"),
    ] {
      // `script` gives the command a terminal and copies what it draws to its output.
      let command = [BuiltProducts.impact.path, "--server", daemon.address, "--lang", language, "import", file]
        .map { "'" + $0 + "'" }.joined(separator: " ")
      let run = try await CLIRun.run(
        URL(fileURLWithPath: "/usr/bin/script"), ["-q", "-e", "-c", command, "/dev/null"],
        environment: ["COLUMNS": "80", "PATH": "/usr/bin:/bin", "TERM": "xterm"])
      #expect(run.status == 0, "\(run.stdout)")
      #expect(run.stdout.contains(drawn), "\(run.stdout)")
      let waiting = try #require(run.stdout.range(of: committing), "\(run.stdout)")
      // The waiting line is erased (carriage return, erase to the end) before the summary.
      let after = run.stdout[waiting.upperBound...]
      let erased = try #require(after.range(of: "\r\u{1B}[K"), "\(run.stdout)")
      #expect(after[erased.upperBound...].contains(language == "en" ? "created" : "créés"), "\(run.stdout)")
      // Every line drawn fits 80 columns.
      for line in run.stdout.split(whereSeparator: { $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
        let visible = line.replacingOccurrences(of: "\u{1B}[K", with: "")
        #expect(visible.count < 80, "\(visible.debugDescription)")
      }
    }
    await daemon.stop()
  }

  /// A document laid out as the export writes it, its projects last, so that `impact import`
  /// sends its first projects before it has read the rest; `lastProject` replaces the text of
  /// the last project.
  static func projectsLast(copies: Int, lastProject: ((String) -> String)? = nil) throws -> Data {
    let document = try #require(
      try JSONSerialization.jsonObject(with: LargeAnswerTests.largePortfolio(copies: copies)) as? [String: Any])
    var projects = try #require(document["projects"] as? [[String: Any]]).map { project in
      String(decoding: try JSONSerialization.data(withJSONObject: project, options: [.sortedKeys]), as: UTF8.self)
    }
    if let lastProject { projects[projects.count - 1] = lastProject(projects[projects.count - 1]) }
    var text = "{\n  \"format\": \"impact-portfolio/1\""
    if let scheme = document["scheme"] {
      text += ",\n  \"scheme\": " + String(decoding: try JSONSerialization.data(withJSONObject: scheme), as: UTF8.self)
    }
    text += ",\n  \"projects\": [\n    " + projects.joined(separator: ",\n    ") + "\n  ]\n}\n"
    return Data(text.utf8)
  }

  @Test("a format error in the last project of a document sent as it is read: exit 65, named by line, nothing changes")
  func formatErrorWhileSending() async throws {
    let directory = try TemporaryDirectory()
    let file = directory.path("large.json")
    let broken = try Self.projectsLast(copies: 625) {
      $0.replacingOccurrences(of: "\"amount\":", with: "\"amount\":\"lots\",\"was\":")
    }
    #expect(broken.count > 1 << 20)
    let lines = String(decoding: broken, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count
    try broken.write(to: URL(fileURLWithPath: file))

    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let before = try await CLIRun.impact(["status", "--output", "json"], daemon: daemon)
    let refused = try await CLIRun.impact(["import", file], daemon: daemon)
    #expect(refused.status == 65, "\(refused.stderr)")
    // The last project is on the document's third line from the end.
    #expect(refused.stderr.contains("large.json:\(lines - 3):"), "\(refused.stderr)")
    #expect(refused.stderr.contains("amount"), "\(refused.stderr)")
    let after = try await CLIRun.impact(["status", "--output", "json"], daemon: daemon)
    func state(_ text: String) throws -> [Int?] {
      let status = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
      return [status?["revision"] as? Int, status?["project_count"] as? Int]
    }
    #expect(try state(after.stdout) == state(before.stdout))

    // Mended, the same document imports as it is read, every project in one revision.
    try Self.projectsLast(copies: 625).write(to: URL(fileURLWithPath: file))
    let imported = try await CLIRun.impact(["import", file, "--output", "json"], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any])
    let created =
      (summary["created"] as? Int ?? 0) + (summary["updated"] as? Int ?? 0) + (summary["unchanged"] as? Int ?? 0)
    #expect(created == 625 * 4, "\(imported.stdout)")
    await daemon.stop()
  }
}
