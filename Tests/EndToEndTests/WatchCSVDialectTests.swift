import Foundation
import Testing

/// `impact watch --output csv` writes the dialect the CSV options ask for, like every other CSV
/// of the CLI: one byte order mark before the header, then each change as it comes. Real
/// `impact` and `impactd` processes.
@Suite("watch CSV dialect", .serialized)
struct WatchCSVDialectTests {
  @Test("watch --output csv --excel: a BOM, then ';' between fields and CRLF, across a change", .timeLimit(.minutes(3)))
  func excelDialectAcrossAChange() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")

    let watch = try CLIStreamingRun(["watch", "--since", "0", "--output", "csv", "--excel", "--server", daemon.address])
    let lyon = CLICommandTests.lyon
    let rated = try await CLIRun.impact(
      ["rate", lyon, "--criterion", "what", "--rater", "eve", "--value", "2.5"], daemon: daemon)
    #expect(rated.status == 0, "\(rated.stderr)")
    // CRLF is one Character, so the collector's lines are not CSV rows: read the whole text.
    var text = ""
    while !text.contains("rating_recorded") {
      text = try await watch.waitForLines(1).joined(separator: "\n")
      try await Task.sleep(for: .milliseconds(20))
    }
    let status = try await watch.terminate()
    #expect(status == 0, "watch exited \(status): \(watch.stderr)")

    #expect(text.hasPrefix("\u{FEFF}revision;time;kind;projects;actor;method\r\n"), "\(text.debugDescription)")
    #expect(text.components(separatedBy: "\u{FEFF}").count == 2, "one BOM only: \(text.debugDescription)")
    let rows = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(rows.count == 3, "\(rows)")
    #expect(rows[1].hasPrefix("1;"), "\(rows)")
    #expect(rows[2].hasPrefix("2;"), "\(rows)")
    #expect(rows[2].contains(";rating_recorded;\(lyon);"), "\(rows)")
    #expect(!rows[2].contains(","), "no comma separator: \(rows)")
    await daemon.stop()
  }

  @Test("watch --output csv without options keeps the plain dialect: ',' and no BOM", .timeLimit(.minutes(3)))
  func standardDialectByDefault() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")

    let watch = try CLIStreamingRun(["watch", "--since", "0", "--output", "csv", "--server", daemon.address])
    var text = ""
    while !text.contains("portfolio_imported") {
      text = try await watch.waitForLines(1).joined(separator: "\n")
      try await Task.sleep(for: .milliseconds(20))
    }
    let status = try await watch.terminate()
    #expect(status == 0, "watch exited \(status): \(watch.stderr)")
    #expect(text.hasPrefix("revision,time,kind,projects,actor,method\r\n1,"), "\(text.debugDescription)")
    await daemon.stop()
  }
}
