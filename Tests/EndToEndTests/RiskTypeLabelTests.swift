import Foundation
import Testing

/// Risk types read by their labels in the reader's language in `scheme show` and `projects
/// show`, while CSV keeps their ids.
@Suite("risk type labels")
struct RiskTypeLabelTests {
  @Test(
    "scheme show and projects show name risk types in French and English; CSV keeps the ids", .timeLimit(.minutes(3)))
  func riskTypesByLabel() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }

    let french = try await CLIRun.impact(["scheme", "show", "--lang", "fr"], daemon: daemon)
    #expect(french.status == 0, "\(french.stderr)")
    #expect(
      french.stdout.contains("participation des parties prenantes,") && french.stdout.contains("érosion, efficience"),
      "\(french.stdout)")
    #expect(
      !french.stdout.contains("stakeholder_participation") && !french.stdout.contains("drop_off"), "\(french.stdout)")
    let english = try await CLIRun.impact(["scheme", "show", "--lang", "en"], daemon: daemon)
    #expect(
      english.stdout.contains("stakeholder participation,") && english.stdout.contains("drop-off, efficiency"),
      "\(english.stdout)")
    let csv = try await CLIRun.impact(["scheme", "show", "--output", "csv", "--lang", "fr"], daemon: daemon)
    #expect(csv.stdout.contains("stakeholder_participation drop_off"), "\(csv.stdout)")

    // A demo project with rated risks.
    let project = "pension-de-famille-rennes"
    let json = try await CLIRun.impact(["projects", "show", project, "--json"], daemon: daemon)
    #expect(json.stdout.contains("\"risks\""), "\(json.stdout)")
    let shownFrench = try await CLIRun.impact(["projects", "show", project, "--lang", "fr"], daemon: daemon)
    #expect(shownFrench.status == 0, "\(shownFrench.stderr)")
    let riskLine = shownFrench.stdout.split(separator: "\n").first { $0.hasPrefix("risques") }.map(String.init) ?? ""
    #expect(!riskLine.isEmpty && !riskLine.contains("=") && !riskLine.contains("_"), "\(shownFrench.stdout)")
    let shownCSV = try await CLIRun.impact(
      ["projects", "show", project, "--output", "csv", "--lang", "fr"], daemon: daemon)
    #expect(shownCSV.stdout.contains("="), "\(shownCSV.stdout)")
  }
}
