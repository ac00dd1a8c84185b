import Foundation
import Testing

/// CSV formula injection: names, programmes and territories that a spreadsheet would run as a
/// formula are written with a leading `'` by every CSV the CLI writes, and read back without it.
/// Real `impact` and `impactd` processes.
@Suite("CSV formula injection", .serialized)
struct CSVInjectionTests {
  static let lyon = "chantier-insertion-lyon"
  static let lille = "pension-de-famille-lille"
  static let hyperlink = "=HYPERLINK(\"http://attacker.example/x\",\"Click\")"
  static let command = "+cmd|' /C calc'!A0"
  static let sum = "@SUM(1+1)*cmd|' /C calc'!A0"
  static let arithmetic = "-2+3"

  /// The reference portfolio with hostile text in two projects.
  static func hostileDocument() throws -> String {
    var text = try String(contentsOf: BuiltProducts.referenceFixture, encoding: .utf8)
    func replace(_ old: String, _ new: String) {
      #expect(text.contains(old), "fixture lacks \(old)")
      text = text.replacingOccurrences(of: old, with: new)
    }
    func json(_ value: String) -> String {
      String(decoding: try! JSONEncoder().encode(value), as: UTF8.self)
    }
    replace("\"Chantier d'insertion – Lyon 8e\"", json(hyperlink))
    replace("\"programme\": \"Insertion\"", "\"programme\": \(json(command))")
    replace("\"Pension de famille – Lille\"", json(arithmetic))
    replace("\"territory\": \"Hauts-de-France\"", "\"territory\": \(json(sum))")
    return text
  }

  static func daemonHoldingHostileNames(_ directory: borrowing TemporaryDirectory) async throws -> DaemonProcess {
    let document = directory.path("hostile.json")
    try hostileDocument().write(toFile: document, atomically: true, encoding: .utf8)
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    let imported = try await CLIRun.impact(["import", document], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    return daemon
  }

  static func project(_ id: String, _ daemon: DaemonProcess) async throws -> [String: Any] {
    let shown = try await CLIRun.impact(["projects", "show", id, "--json"], daemon: daemon)
    #expect(shown.status == 0, "\(shown.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
    return try #require(object["project"] as? [String: Any])
  }

  @Test(
    "export --format csv neutralises formulas, and the re-import gives back the same names", .timeLimit(.minutes(3)))
  func exportNeutralisesAndImportRestores() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.daemonHoldingHostileNames(directory)
    defer { Task { await daemon.stop() } }

    for excel in [false, true] {
      let tables = directory.path(excel ? "excel" : "standard")
      let exported = try await CLIRun.impact(
        ["export", "--format", "csv", "--to", tables] + (excel ? ["--excel"] : []), daemon: daemon)
      #expect(exported.status == 0, "\(exported.stderr)")
      let projects = try String(contentsOfFile: tables + "/projects.csv", encoding: .utf8)
      #expect(projects.contains("\"'=HYPERLINK(\"\"http://attacker.example/x\"\""), "\(projects)")
      #expect(projects.contains("'+cmd|"), "\(projects)")
      #expect(projects.contains("'-2+3"), "\(projects)")
      #expect(projects.contains("'@SUM(1+1)"), "\(projects)")
      // No cell of any table starts with a formula character, except plain numbers.
      for name in ["projects.csv", "outcomes.csv", "ratings.csv", "export.csv"] {
        let text = try String(contentsOfFile: tables + "/" + name, encoding: .utf8)
        Self.expectNoFormulaCell(text, separator: excel ? ";" : ",", file: name)
      }
    }

    // Into an empty daemon: the names come back without the prefix.
    let fresh = try await DaemonProcess.start(database: directory.path("fresh.sqlite"))
    defer { Task { await fresh.stop() } }
    for excel in [false, true] {
      let tables = directory.path(excel ? "excel" : "standard")
      let imported = try await CLIRun.impact(
        ["import", tables + "/projects.csv", tables + "/outcomes.csv", tables + "/ratings.csv", tables + "/export.csv"]
          + (excel ? ["--overwrite-newer"] : []),
        daemon: fresh)
      #expect(imported.status == 0, "\(imported.stderr)")
      let lyon = try await Self.project(Self.lyon, fresh)
      #expect(lyon["name"] as? String == Self.hyperlink)
      #expect(lyon["programme"] as? String == Self.command)
      let lille = try await Self.project(Self.lille, fresh)
      #expect(lille["name"] as? String == Self.arithmetic)
      #expect(lille["territory"] as? String == Self.sum)
    }
    await fresh.stop()
    await daemon.stop()
  }

  @Test(
    "projects list, rank and scores --output csv neutralise formulas; numbers stay numbers", .timeLimit(.minutes(3)))
  func commandOutputsNeutralise() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.daemonHoldingHostileNames(directory)
    defer { Task { await daemon.stop() } }

    for arguments in [["projects", "list"], ["rank"], ["scores"], ["projects", "show", Self.lyon]] {
      for excel in [false, true] {
        let run = try await CLIRun.impact(arguments + ["--output", "csv"] + (excel ? ["--excel"] : []), daemon: daemon)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        #expect(run.stdout.contains("'=HYPERLINK("), "\(arguments): \(run.stdout)")
        Self.expectNoFormulaCell(run.stdout, separator: excel ? ";" : ",", file: arguments.joined(separator: " "))
      }
    }
    // Negative numbers in numeric columns are not prefixed.
    let whatif = try await CLIRun.impact(
      ["whatif", "--remove", Self.lyon, "--output", "csv"], daemon: daemon)
    #expect(whatif.status == 0, "\(whatif.stderr)")
    #expect(whatif.stdout.contains(",-1\r\n"), "\(whatif.stdout)")
    #expect(!whatif.stdout.contains("'-"), "\(whatif.stdout)")
    await daemon.stop()
  }

  /// Every cell of `text` that starts with `=`, `+`, `-`, `@` or a tab is a plain number.
  static func expectNoFormulaCell(_ text: String, separator: Character, file: String) {
    for line in text.split(separator: "\r\n") {
      for raw in line.split(separator: separator, omittingEmptySubsequences: false) {
        let cell = raw.hasPrefix("\"") ? raw.dropFirst() : raw
        guard let first = cell.first, "=+-@\t".contains(first) else { continue }
        let number = cell.dropFirst().allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "e" || $0 == "-" }
        #expect(number, "\(file): cell \(raw) would run as a formula")
      }
    }
  }
}
