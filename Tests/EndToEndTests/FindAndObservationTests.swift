import Foundation
import Testing

/// Finding projects as people remember them, filters typed without accents, raters with
/// accents, and observations as a finance team types them: the real `impact` against a real
/// `impactd --demo`.
@Suite("Filters, find, raters and observations", .serialized)
struct FindAndObservationTests {
  static let rennes = "pension-de-famille-rennes"

  /// Runs `body` against a fresh demo daemon, stopped afterwards.
  func withDemo(_ body: (DaemonProcess) async throws -> Void) async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    try await body(daemon)
    await daemon.stop()
  }

  /// The `id` column of a CSV output (ids come before any quoted name).
  func ids(_ csv: String) -> [String] {
    let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    guard let header = lines.first, let column = header.firstIndex(of: "id") else { return [] }
    return lines.dropFirst().filter { $0.count > column }.map { String($0[column]) }
  }

  /// `impact ARGUMENTS --output csv`.
  func csv(_ arguments: [String], _ daemon: DaemonProcess) async throws -> CLIRun.Result {
    try await CLIRun.impact(arguments + ["--output", "csv"], daemon: daemon)
  }

  @Test("filters ignore case and accents and take domain labels; an empty selection says why", .timeLimit(.minutes(3)))
  func filters() async throws {
    try await withDemo { daemon in
      let exact = try await csv(["projects", "list", "--programme", "Hébergement"], daemon)
      let folded = try await csv(["projects", "list", "--programme", "hebergement"], daemon)
      #expect(folded.status == 0 && folded.stderr.isEmpty, "\(folded.stderr)")
      #expect(!ids(exact.stdout).isEmpty)
      #expect(ids(folded.stdout) == ids(exact.stdout))

      let byID = try await csv(["projects", "list", "--domain", "health"], daemon)
      for label in ["santé", "Santé et bien-être", "health and well-being"] {
        let byLabel = try await csv(["projects", "list", "--domain", label], daemon)
        #expect(byLabel.status == 0)
        #expect(!ids(byLabel.stdout).isEmpty && ids(byLabel.stdout) == ids(byID.stdout), "--domain \(label)")
      }
      let territory = try await csv(["rank", "--territory", "ile-de-france"], daemon)
      #expect(territory.status == 0 && ids(territory.stdout).count == 3, "\(territory.stdout)")

      let typo = try await csv(["projects", "list", "--programme", "hebergemnt"], daemon)
      #expect(typo.status == 0)
      #expect(ids(typo.stdout).isEmpty)
      #expect(typo.stderr.contains("no project matches --programme hebergemnt"), "\(typo.stderr)")
      #expect(typo.stderr.contains("nearest: Hébergement"), "\(typo.stderr)")

      for command in [["portfolio"], ["coverage"], ["export"], ["whatif", "--remove", Self.rennes]] {
        let empty = try await CLIRun.impact(command + ["--territory", "bretange"], daemon: daemon)
        #expect(empty.status == 0)
        #expect(empty.stderr.contains("nearest: Bretagne"), "\(command): \(empty.stderr)")
      }
      let together = try await CLIRun.impact(
        ["portfolio", "--territory", "bretagne", "--status", "rejected"], daemon: daemon)
      #expect(
        together.status == 0 && together.stderr.contains("no project matches --status rejected --territory bretagne"))

      let french = try await CLIRun.impact(["rank", "--domain", "santé publique", "--lang", "fr"], daemon: daemon)
      #expect(french.status == 0)
      #expect(french.stderr.contains("aucun projet ne correspond à --domain santé publique"), "\(french.stderr)")
      #expect(
        french.stderr.contains("ne désigne aucun domaine ; valeurs proches : health (Santé et bien-être)"),
        "\(french.stderr)")
    }
  }

  @Test("find, and projects named by the start of their id or name", .timeLimit(.minutes(3)))
  func findAndPrefixes() async throws {
    try await withDemo { daemon in
      let island = try await csv(["find", "ile", "de", "france", "--status", "funded"], daemon)
      #expect(ids(island.stdout) == ["hebergement-urgence-paris-13"], "\(island.stdout)")
      let found = try await CLIRun.impact(["find", "pension", "RENNES"], daemon: daemon)
      #expect(found.status == 0, "\(found.stderr)")
      #expect(
        found.stdout.contains(Self.rennes) && found.stdout.contains("Hébergement") && found.stdout.contains("Bretagne"))
      #expect(ids(try await csv(["find", "pension", "RENNES"], daemon).stdout) == [Self.rennes])
      let json = try await CLIRun.impact(["find", "hebergement", "--json"], daemon: daemon)
      #expect(json.status == 0 && json.stdout.contains("\"id\": \"\(Self.rennes)\""), "\(json.stdout)")
      let nothing = try await CLIRun.impact(["find", "zzz-nowhere"], daemon: daemon)
      #expect(nothing.status == 0 && nothing.stderr.contains("zzz-nowhere"))

      let byIDPrefix = try await CLIRun.impact(["score", "pension-de-famille-r"], daemon: daemon)
      #expect(byIDPrefix.status == 0, "\(byIDPrefix.stderr)")
      #expect(byIDPrefix.stdout.contains(Self.rennes))
      let byNamePrefix = try await CLIRun.impact(["projects", "show", "pension de famille – ren"], daemon: daemon)
      #expect(byNamePrefix.status == 0, "\(byNamePrefix.stderr)")
      #expect(byNamePrefix.stdout.contains(Self.rennes))

      let ambiguous = try await CLIRun.impact(["score", "épicerie"], daemon: daemon)
      #expect(ambiguous.status == 65)
      #expect(
        ambiguous.stderr.contains("epicerie-itinerante-cantal")
          && ambiguous.stderr.contains("epicerie-solidaire-roubaix"),
        "\(ambiguous.stderr)")
      let french = try await CLIRun.impact(["projects", "show", "epicerie", "--lang", "fr"], daemon: daemon)
      #expect(french.status == 65 && french.stderr.contains("précisez"), "\(french.stderr)")
      let none = try await CLIRun.impact(["projects", "show", "zzz-nowhere"], daemon: daemon)
      #expect(none.status == 66 && none.stderr.contains("zzz-nowhere"), "\(none.stderr)")
    }
  }

  @Test("a rater with accents is recorded, exported and imported again", .timeLimit(.minutes(3)))
  func accentedRater() async throws {
    try await withDemo { daemon in
      let rated = try await CLIRun.impact(
        ["rate", Self.rennes, "--criterion", "who", "--rater", "Amélie", "--value", "3"], daemon: daemon)
      #expect(rated.status == 0, "\(rated.stderr)")
      let spaced = try await CLIRun.impact(
        ["rate", Self.rennes, "--criterion", "who", "--rater", "Amélie D", "--value", "3"], daemon: daemon)
      #expect(spaced.status == 65 && spaced.stderr.contains("invalid_rater"), "\(spaced.stderr)")
      // A rating typed with a decimal comma, as French people write it.
      let comma = try await CLIRun.impact(
        ["rate", Self.rennes, "--criterion", "what", "--rater", "Amélie", "--value", "2,5", "--output", "csv"],
        daemon: daemon)
      #expect(comma.status == 0, "\(comma.stderr)")
      #expect(comma.stdout.contains("2.5"), "\(comma.stdout)")
      let word = try await CLIRun.impact(
        ["rate", Self.rennes, "--criterion", "what", "--rater", "Amélie", "--value", "trois"], daemon: daemon)
      #expect(word.status == 65 && word.stderr.contains("trois"), "\(word.stderr)")

      let directory = try TemporaryDirectory()
      let exported = try await CLIRun.impact(
        ["export", "--format", "csv", "--to", directory.path("tables")], daemon: daemon)
      #expect(exported.status == 0, "\(exported.stderr)")
      let ratings = try String(contentsOfFile: directory.path("tables/ratings.csv"), encoding: .utf8)
      #expect(ratings.contains("Amélie"))
      let reimported = try await CLIRun.impact(
        [
          "import", directory.path("tables/projects.csv"), directory.path("tables/outcomes.csv"),
          directory.path("tables/ratings.csv"),
        ],
        daemon: daemon)
      #expect(reimported.status == 0, "\(reimported.stderr)")
      let shown = try await CLIRun.impact(["projects", "show", Self.rennes, "--output", "csv"], daemon: daemon)
      #expect(shown.stdout.contains("Amélie"))
    }
  }

  @Test("observations: decimal commas, ranges, periods, and the history", .timeLimit(.minutes(3)))
  func observations() async throws {
    try await withDemo { daemon in
      let outcome = "maintien-logement"  // a percentage
      let comma = try await CLIRun.impact(
        ["observe", Self.rennes, outcome, "33,5", "--period", "2026-s1", "--source", "bilan S1"], daemon: daemon)
      #expect(comma.status == 0, "\(comma.stderr)")
      #expect(comma.stdout.contains("33.50") && comma.stdout.contains("2026-S1"), "\(comma.stdout)")

      let negative = try await CLIRun.impact(["observe", Self.rennes, outcome, "-4"], daemon: daemon)
      #expect(negative.status == 65, "\(negative.stdout)")
      #expect(
        negative.stderr.contains("observation_percent_range") && negative.stderr.contains("--force"),
        "\(negative.stderr)")
      let forced = try await CLIRun.impact(["observe", Self.rennes, outcome, "-4", "--force"], daemon: daemon)
      #expect(forced.status == 0, "\(forced.stderr)")

      let period = try await CLIRun.impact(
        ["observe", Self.rennes, outcome, "40", "--period", "T3 2026"], daemon: daemon)
      #expect(period.status == 65)
      #expect(period.stderr.contains("T3 2026") && period.stderr.contains("2026-01-01/2026-06-30"), "\(period.stderr)")
      let frenchPeriod = try await CLIRun.impact(
        ["observe", Self.rennes, outcome, "40", "--period", "T3 2026", "--lang", "fr"], daemon: daemon)
      #expect(frenchPeriod.status == 65)
      #expect(frenchPeriod.stderr.contains("n'a pas l'une des formes acceptées"), "\(frenchPeriod.stderr)")
      let ambiguous = try await CLIRun.impact(["observe", Self.rennes, outcome, "1,234"], daemon: daemon)
      #expect(
        ambiguous.status == 65 && ambiguous.stderr.contains("1234") && ambiguous.stderr.contains("1.234"),
        "\(ambiguous.stderr)")

      let range = try await CLIRun.impact(
        ["observe", Self.rennes, outcome, "55", "--period", "2026-01-01/2026-06-30"], daemon: daemon)
      #expect(range.status == 0, "\(range.stderr)")

      let history = try await CLIRun.impact(
        ["observations", Self.rennes, "--outcome", outcome, "--output", "csv"], daemon: daemon)
      #expect(history.status == 0, "\(history.stderr)")
      let rows = history.stdout.split(separator: "\r\n").map(String.init)
      #expect(rows.first == "outcome,value,period,source,recorded_by,recorded_at,revision,forced", "\(rows)")
      #expect(rows.count == 4, "\(rows)")
      #expect(rows[1].hasPrefix("\(outcome),33.5,2026-S1,bilan S1,local,"), "\(rows)")
      #expect(rows[2].hasPrefix("\(outcome),-4,") && rows[2].hasSuffix(",true"), "\(rows)")
      #expect(rows[1].hasSuffix(",false") && rows[3].hasSuffix(",false"), "\(rows)")
      #expect(rows[3].hasPrefix("\(outcome),55,2026-01-01/2026-06-30,"), "\(rows)")

      let json = try await CLIRun.impact(["observations", "pension-de-famille-r", "--json"], daemon: daemon)
      #expect(json.status == 0 && json.stdout.contains("\"total_size\": 3"), "\(json.stdout)")
      let table = try await CLIRun.impact(["observations", Self.rennes, "--lang", "fr"], daemon: daemon)
      #expect(table.status == 0 && table.stdout.contains("33,50"), "\(table.stdout)")
      #expect(table.stdout.contains("forcée") && table.stdout.contains("oui"), "\(table.stdout)")
      let unknown = try await CLIRun.impact(["observations", Self.rennes, "--outcome", "nope"], daemon: daemon)
      #expect(unknown.status == 66 && unknown.stderr.contains("nope"), "\(unknown.stderr)")
    }
  }

  @Test("an observation for a period that starts after today is refused unless --force", .timeLimit(.minutes(3)))
  func futurePeriods() async throws {
    try await withDemo { daemon in
      let outcome = "maintien-logement"
      let year =
        Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year ?? 2026
      let future = String(year + 5)
      let refused = try await CLIRun.impact(
        ["observe", Self.rennes, outcome, "50", "--period", future], daemon: daemon)
      #expect(refused.status == 65, "\(refused.stdout)")
      #expect(
        refused.stderr.contains("period \(future) starts after today") && refused.stderr.contains("--force")
          && refused.stderr.contains("observation_future_period"), "\(refused.stderr)")
      let french = try await CLIRun.impact(
        ["observe", Self.rennes, outcome, "50", "--period", "\(future)-q1", "--lang", "fr"], daemon: daemon)
      #expect(french.status == 65)
      #expect(
        french.stderr.contains("la période \(future)-Q1 commence après aujourd'hui ; ajoutez --force"),
        "\(french.stderr)")
      let before = try await CLIRun.impact(
        ["observations", Self.rennes, "--outcome", outcome, "--output", "csv"], daemon: daemon)
      #expect(before.stdout.split(separator: "\r\n").count == 1, "nothing recorded: \(before.stdout)")

      // This year and today are not in the future; --force records a forecast.
      let current = try await CLIRun.impact(
        ["observe", Self.rennes, outcome, "50", "--period", String(year)], daemon: daemon)
      #expect(current.status == 0, "\(current.stderr)")
      let forced = try await CLIRun.impact(
        ["observe", Self.rennes, outcome, "50", "--period", future, "--force"], daemon: daemon)
      #expect(forced.status == 0, "\(forced.stderr)")
      let after = try await CLIRun.impact(
        ["observations", Self.rennes, "--outcome", outcome, "--output", "csv"], daemon: daemon)
      #expect(after.stdout.contains(",50,\(future),"), "\(after.stdout)")
    }
  }
}
