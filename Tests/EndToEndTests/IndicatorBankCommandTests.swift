import Foundation
import Testing

/// The indicator bank through the real binaries: `impact indicators` on the client's copy,
/// the daemon refusing an outcome whose unit or direction disagrees with its bank (in English
/// and French), and `impact indicators usage` on the demo portfolio, which uses the bank.
@Suite("Indicator bank commands", .serialized)
struct IndicatorBankCommandTests {
  /// A project whose outcome names the housing cost ratio with `unit` and `direction`.
  static func document(unit: String, direction: String) -> String {
    """
    {"format": "impact-portfolio/1", "projects": [{"id": "bail-glissant-brest", "name": "Bail glissant – Brest",
      "status": "funded", "amount": 80000, "outcomes": [{"id": "taux-effort", "domain": "basic_needs",
      "indicator": "Taux d'effort des ménages relogés", "indicator_id": "housing.cost_effort_rate",
      "unit": "\(unit)", "direction": "\(direction)", "baseline": 45, "threshold": \(direction == "lower_is_better" ? 33 : 60)}]}]}
    """
  }

  @Test("list, search and show read the bank with no daemon, in English and French", .timeLimit(.minutes(3)))
  func offline() async throws {
    let list = try await CLIRun.impact([
      "indicators", "list", "--domain", "basic_needs", "--kind", "outcome", "--output", "csv",
    ])
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains("housing.cost_effort_rate"))
    #expect(!list.stdout.contains(",output,"))
    let search = try await CLIRun.impact(["indicators", "search", "loyer", "--output", "csv"])
    #expect(search.status == 0 && search.stdout.contains("housing.rent_arrears"), "\(search.stdout)")
    let show = try await CLIRun.impact(["indicators", "show", "income.below_poverty_line", "--lang", "fr"])
    #expect(show.status == 0)
    #expect(show.stdout.contains("Ménages sous le seuil de pauvreté"))
    #expect(show.stdout.contains("60 % du niveau de vie médian"))
    let unknown = try await CLIRun.impact(["indicators", "show", "housing.cost_effort"])
    #expect(unknown.status == 66)
    #expect(unknown.stderr.contains("housing.cost_effort_rate"), "\(unknown.stderr)")
    let domain = try await CLIRun.impact(["indicators", "list", "--domain", "housing"])
    #expect(domain.status == 64 && domain.stderr.contains("basic_needs"), "\(domain.stderr)")
    let json = try await CLIRun.impact(["indicators", "show", "housing.cost_effort_rate", "--json"])
    #expect(json.status == 0 && json.stdout.contains(#""collection_method" : "case_records""#), "\(json.stdout)")
  }

  @Test("the daemon refuses a unit or a direction the bank does not give, naming both", .timeLimit(.minutes(3)))
  func refusals() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let unit = directory.path("unit.json")
    try Self.document(unit: "€", direction: "lower_is_better").write(toFile: unit, atomically: true, encoding: .utf8)
    let english = try await CLIRun.impact(["import", unit], daemon: daemon)
    #expect(english.status == 65, "\(english.stdout) \(english.stderr)")
    #expect(
      english.stderr.contains("housing.cost_effort_rate") && english.stderr.contains("\"€\""), "\(english.stderr)")
    #expect(english.stderr.contains("\"%\""), "\(english.stderr)")
    let french = try await CLIRun.impact(["import", unit, "--lang", "fr"], daemon: daemon)
    #expect(french.status == 65)
    #expect(french.stderr.contains("ne concorde pas avec l'indicateur housing.cost_effort_rate"), "\(french.stderr)")

    let direction = directory.path("direction.json")
    try Self.document(unit: "%", direction: "higher_is_better").write(
      toFile: direction, atomically: true, encoding: .utf8)
    let wrongWay = try await CLIRun.impact(["import", direction], daemon: daemon)
    #expect(wrongWay.status == 65)
    #expect(
      wrongWay.stderr.contains("higher_is_better") && wrongWay.stderr.contains("lower_is_better"), "\(wrongWay.stderr)")

    let good = directory.path("good.json")
    try Self.document(unit: "%", direction: "lower_is_better").write(toFile: good, atomically: true, encoding: .utf8)
    let imported = try await CLIRun.impact(["import", good], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    let export = try await CLIRun.impact(["export"], daemon: daemon)
    #expect(export.stdout.contains(#""indicator_id": "housing.cost_effort_rate""#))
    await daemon.stop()
  }

  @Test("usage: which demo projects measure which bank indicator, and what nobody measures", .timeLimit(.minutes(3)))
  func usage() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let usage = try await CLIRun.impact(["indicators", "usage", "--output", "csv"], daemon: daemon)
    #expect(usage.status == 0, "\(usage.stderr)")
    #expect(usage.stdout.contains("housing.tenancy_sustained_12m"))
    #expect(usage.stdout.contains("pension-de-famille-rennes/maintien-logement"))
    #expect(
      usage.stdout.contains("hebergement-urgence-paris-13/droits-complets permanence-droits-amiens/dossiers-aboutis"))
    // Unused bank indicators are listed, and outcomes with a custom indicator too.
    #expect(usage.stdout.contains("housing.cost_effort_rate"))
    #expect(usage.stdout.contains("maraudes-lyon"))
    let french = try await CLIRun.impact(["indicators", "usage", "--lang", "fr"], daemon: daemon)
    #expect(french.stdout.contains("Indicateurs de la banque qu'aucun projet ne mesure"), "\(french.stdout)")
    await daemon.stop()
  }
}
