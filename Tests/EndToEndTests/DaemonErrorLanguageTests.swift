import Foundation
import Testing

/// The daemon's refusals as `impact --lang fr` shows them: the real `impact` sends
/// `accept-language` and prints the daemon's `LocalizedMessage`; without `--lang fr` the
/// English message, unchanged.
@Suite("Daemon refusals in the reader's language", .serialized)
struct DaemonErrorLanguageTests {
  static let lyon = "chantier-insertion-lyon"

  @Test("refusals of the daemon read in French with --lang fr, in English without", .timeLimit(.minutes(3)))
  func refusalsInFrench() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")

    // `score` looks the id up among the projects first; `projects delete` asks the daemon.
    let score = try await CLIRun.impact(["score", "nope", "--lang", "fr"], daemon: daemon)
    #expect(score.status == 66, "\(score.stderr)")
    #expect(score.stderr.contains("« nope »"), "\(score.stderr)")
    let missing = try await CLIRun.impact(["projects", "delete", "nope", "--lang", "fr"], daemon: daemon)
    #expect(missing.status == 66, "\(missing.stderr)")
    #expect(missing.stderr == "impact: projet « nope » introuvable\n", "\(missing.stderr)")
    let english = try await CLIRun.impact(["projects", "delete", "nope"], daemon: daemon)
    #expect(english.status == 66, "\(english.stderr)")
    #expect(english.stderr == "impact: project 'nope' not found\n", "\(english.stderr)")
    let locale = try await CLIRun.impact(
      ["projects", "delete", "nope"], environment: ["LANG": "fr_FR.UTF-8", "IMPACT_SERVER": daemon.address])
    #expect(locale.stderr.contains("projet « nope » introuvable"), "\(locale.stderr)")

    let whatIf = try await CLIRun.impact(["whatif", "--remove", "nope", "--lang", "fr"], daemon: daemon)
    #expect(whatIf.status == 66, "\(whatIf.stderr)")
    // The CLI looks the project up by id or name first, and says so in French.
    #expect(whatIf.stderr.contains("aucun projet n'a l'identifiant « nope »"), "\(whatIf.stderr)")

    let rating = try await CLIRun.impact(
      ["rate", Self.lyon, "--criterion", "what", "--rater", "x", "--value", "9", "--lang", "fr"], daemon: daemon)
    #expect(rating.status == 65, "\(rating.stderr)")
    #expect(
      rating.stderr.contains("la note 9 donnée par x au critère what doit être comprise entre 0 et 4"),
      "\(rating.stderr)")
    #expect(rating.stderr.contains("règle rating_value_range"), "\(rating.stderr)")

    let stale = try await CLIRun.impact(
      ["projects", "delete", Self.lyon, "--expected-revision", "999", "--lang", "fr"], daemon: daemon)
    #expect(stale.status == 65, "\(stale.stderr)")
    #expect(stale.stderr.contains("révision 999 attendue, mais le portefeuille est à la révision 1"), "\(stale.stderr)")

    let invalid = directory.path("invalide.json")
    try Data(
      #"{"format": "impact-portfolio/1", "projects": [{"id": "x", "name": "X", "status": "funded", "amount": -5, "outcomes": [{"id": "o", "domain": "health"}]}]}"#
        .utf8
    ).write(to: URL(fileURLWithPath: invalid))
    let refused = try await CLIRun.impact(["import", invalid, "--lang", "fr"], daemon: daemon)
    #expect(refused.status == 65, "\(refused.stderr)")
    #expect(refused.stderr.contains("invalide.json"), "\(refused.stderr)")
    #expect(refused.stderr.contains("le montant -5 doit être supérieur ou égal à 0"), "\(refused.stderr)")

    // Nothing changed.
    let status = try await CLIRun.impact(["status", "--json"], daemon: daemon)
    #expect(status.stdout.contains("\"revision\":1") || status.stdout.contains("\"revision\": 1"), "\(status.stdout)")
    await daemon.stop()
  }
}
