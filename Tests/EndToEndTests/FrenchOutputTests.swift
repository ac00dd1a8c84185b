import Foundation
import Testing

/// `impact --lang fr` as a French finance team reads it: the real `impact` binary against a
/// real `impactd`, every read command's table output checked for English words left behind,
/// and French golden files for the commands the committee reads most.
@Suite("impact in French", .serialized)
struct FrenchOutputTests {
  static let lyon = "chantier-insertion-lyon"
  static let lille = "pension-de-famille-lille"

  /// English words that must not reach a French reader. Words French shares with English
  /// (`contribution`, `total`, `source`, `version`, `programme`, `quantitative`) are not listed.
  static let englishWords: Set<String> = [
    "composite", "funded", "pipeline", "committee", "closed", "rejected", "deep", "marginal", "moderate",
    "significant", "harm", "none", "yes", "no", "rated", "unknown", "insufficient", "exposure", "outcome",
    "outcomes", "criteria", "criterion", "revision", "weight", "weighted", "median", "spread", "values", "value",
    "share", "scale", "depth", "duration", "amount", "status", "scheme", "domain", "domains", "strategic",
    "covered", "coverage", "gaps", "figure", "figures", "before", "after", "difference", "changes",
    "unchanged", "moved", "removed", "added", "rank", "name", "project", "projects", "class", "data", "ratings",
    "rater", "comment", "baseline", "threshold", "target", "actual", "reach", "years", "territory", "health",
    "uptime", "database", "server", "started", "percentile", "confidence", "completeness", "evidence", "level",
    "risk", "risks", "matrix", "with", "explanation", "label", "blend", "rate", "discount", "below", "reference",
    "serving", "cannot", "read", "file", "such", "not", "must", "give", "health",
  ]

  /// The English words of `text` outside `allowed` (project names and ids, paths, addresses).
  static func englishWords(in text: String, allowed: [String]) -> [String] {
    var cleaned = text
    for name in allowed.sorted(by: { $0.count > $1.count }) where !name.isEmpty {
      cleaned = cleaned.replacingOccurrences(of: name, with: " ")
    }
    let words = cleaned.split { !($0.isLetter || $0 == "_" || $0 == "-" || $0 == "'") }
    return words.map { $0.lowercased() }.filter { englishWords.contains($0) }
  }

  /// The ids and names of every project, which stay as the user wrote them.
  static func projectNames(_ daemon: DaemonProcess) async throws -> [String] {
    let list = try await CLIRun.impact(["projects", "list", "--output", "csv"], daemon: daemon)
    #expect(list.status == 0, "\(list.stderr)")
    var names: [String] = []
    for line in list.stdout.split(whereSeparator: \.isNewline).dropFirst() {
      // id,name,… : ids have no comma; a name with a comma is quoted.
      let fields = line.split(separator: ",", maxSplits: 1)
      guard let id = fields.first else { continue }
      names.append(String(id))
      if fields.count == 2 {
        let rest = fields[1]
        let name = rest.hasPrefix("\"") ? rest.dropFirst().prefix { $0 != "\"" } : rest.prefix { $0 != "," }
        names.append(String(name))
      }
    }
    return names
  }

  /// The ids of the scheme's domains, criteria and risk types, which are identifiers too.
  static func schemeIDs(_ daemon: DaemonProcess) async throws -> [String] {
    let shown = try await CLIRun.impact(["scheme", "show", "--json"], daemon: daemon)
    #expect(shown.status == 0, "\(shown.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
    let scheme = json?["scheme"] as? [String: Any] ?? [:]
    let domains = (scheme["domains"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    let criteria = (scheme["criteria"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    let risks = scheme["risk_types"] as? [String] ?? []
    #expect(!domains.isEmpty && !criteria.isEmpty, "scheme show --json: \(shown.stdout.prefix(200))")
    return domains + criteria + risks
  }

  /// The read commands on the demo portfolio, with a project of each kind the demo holds.
  static func readCommands(first: String, second: String) -> [[String]] {
    [
      ["status"], ["projects", "list"], ["projects", "show", first], ["score", first], ["rank"],
      ["compare", first, second], ["portfolio"], ["coverage"], ["scheme", "show"],
      ["whatif", "--set", "\(first).amount=450000", "--remove", second], ["scores"], ["find", "pension"],
      ["observations", first], ["audit", "--limit", "5"],
    ]
  }

  @Test("no English word in any read command's French tables (demo portfolio)", .timeLimit(.minutes(3)))
  func readCommandsSpeakFrench() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let names = try await Self.projectNames(daemon)
    #expect(names.count > 20, "the demo portfolio should hold its projects: \(names.count / 2)")
    let allowed = try await names + Self.schemeIDs(daemon) + [daemon.address, daemon.databasePath]
    let first = "pension-de-famille-rennes"
    let second = "hebergement-urgence-paris-13"
    for arguments in Self.readCommands(first: first, second: second) {
      let run = try await CLIRun.impact(arguments + ["--lang", "fr"], daemon: daemon)
      let command = arguments.joined(separator: " ")
      #expect(run.status == 0, "impact \(command) --lang fr: \(run.stderr)")
      #expect(!run.stdout.isEmpty, "impact \(command) --lang fr printed nothing")
      let english = Self.englishWords(in: run.stdout, allowed: allowed)
      #expect(english.isEmpty, "impact \(command) --lang fr shows English words \(english):\n\(run.stdout)")
    }
    // The same check on English output finds English: it is not one that cannot fail.
    let english = try await CLIRun.impact(["score", first, "--lang", "en"], daemon: daemon)
    #expect(
      Set(Self.englishWords(in: english.stdout, allowed: allowed)).isSuperset(of: ["composite", "funded", "deep"]))
    // The locale alone chooses French too.
    let byLocale = try await CLIRun.impact(
      ["rank", "--top", "3"], environment: ["LC_ALL": "fr_FR.UTF-8", "IMPACT_SERVER": daemon.address])
    #expect(byLocale.status == 0, "\(byLocale.stderr)")
    #expect(byLocale.stdout.contains("centile"), "\(byLocale.stdout)")
    await daemon.stop()
  }

  @Test("French tables keep the English CSV header and stable values", .timeLimit(.minutes(3)))
  func csvDoesNotFollowTheLanguage() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    for arguments in [
      ["rank"], ["score", Self.lyon], ["portfolio"], ["coverage"], ["projects", "list"],
      ["projects", "show", Self.lyon],
    ] {
      let english = try await CLIRun.impact(arguments + ["--output", "csv"], daemon: daemon)
      let french = try await CLIRun.impact(arguments + ["--output", "csv", "--lang", "fr"], daemon: daemon)
      #expect(english.status == 0 && french.status == 0, "\(english.stderr) \(french.stderr)")
      #expect(
        french.stdout == english.stdout,
        "impact \(arguments.joined(separator: " ")) --output csv changes with --lang fr")
    }
    // The scheme's labels are data in the reader's language; its headers and ids are not.
    let english = try await CLIRun.impact(["scheme", "show", "--output", "csv"], daemon: daemon)
    let french = try await CLIRun.impact(["scheme", "show", "--output", "csv", "--lang", "fr"], daemon: daemon)
    func headersAndIDs(_ csv: String) -> [String] {
      csv.components(separatedBy: "\r\n").map {
        $0.split(separator: ",", omittingEmptySubsequences: false).first.map(String.init) ?? ""
      }
    }
    #expect(headersAndIDs(french.stdout) == headersAndIDs(english.stdout), "\(french.stdout)")
    await daemon.stop()
  }

  @Test("score, rank, portfolio, whatif and scheme show match their French golden files", .timeLimit(.minutes(3)))
  func frenchGoldenFiles() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(
      ["import", BuiltProducts.referenceFixture.path, "--lang", "fr"], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    let commands: [(name: String, arguments: [String])] = [
      ("score-fr", ["score", Self.lyon]),
      ("rank-fr", ["rank"]),
      ("portfolio-fr", ["portfolio"]),
      ("whatif-fr", ["whatif", "--set", "\(Self.lyon).amount=450000", "--remove", Self.lille]),
      ("scheme-show-fr", ["scheme", "show"]),
    ]
    for command in commands {
      let run = try await CLIRun.impact(command.arguments + ["--lang", "fr"], daemon: daemon)
      #expect(run.status == 0, "\(command.name): \(run.stderr)")
      try CLIGolden.check(run.stdout, daemon: daemon, name: "\(command.name).table.txt")
    }
    await daemon.stop()
  }

  @Test("impact --help follows --lang, IMPACT_LANG and the locale", .timeLimit(.minutes(3)))
  func helpInFrench() async throws {
    let byOption = try await CLIRun.impact(["--help", "--lang", "fr"])
    #expect(byOption.stdout.contains("Codes de sortie :"), "\(byOption.stdout)")
    #expect(byOption.stdout.contains("Classer les projets retenus par le filtre"), "\(byOption.stdout)")
    #expect(!byOption.stdout.contains("Exit codes:"), "\(byOption.stdout)")
    let byEnvironment = try await CLIRun.impact(["rank", "--help"], environment: ["IMPACT_LANG": "fr"])
    #expect(byEnvironment.stdout.contains("Les ex æquo partagent un rang"), "\(byEnvironment.stdout)")
    let byLocale = try await CLIRun.impact(["score", "--help"], environment: ["LC_ALL": "fr_FR.UTF-8"])
    #expect(byLocale.stdout.contains("Afficher le score d'un projet"), "\(byLocale.stdout)")
    let english = try await CLIRun.impact(["--help"], environment: ["LC_ALL": "C", "LANG": "C"])
    #expect(english.stdout.contains("Exit codes:") && english.stdout.contains("Rank the projects"), "\(english.stdout)")
  }

  /// A failing French invocation and words its message must hold.
  struct FailureCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var status: Int32
    var stderrContains: String
    var testDescription: String { name }
  }

  static let failureCases: [FailureCase] = [
    FailureCase(
      name: "missing file", arguments: ["import", "/nonexistent/portfolio.json"], status: 65,
      stderrContains: "impossible de lire /nonexistent/portfolio.json : fichier introuvable"),
    FailureCase(
      name: "bad edit value", arguments: ["whatif", "--set", "\(lyon).amount=beaucoup"], status: 65,
      stderrContains: "« beaucoup » n'est pas un nombre"),
    FailureCase(
      name: "bad --top", arguments: ["rank", "--top", "0"], status: 64, stderrContains: "--top doit valoir au moins 1"),
    FailureCase(
      name: "no change", arguments: ["whatif"], status: 64, stderrContains: "indiquez au moins un changement"),
    FailureCase(
      name: "unknown option", arguments: ["rank", "--bogus"], status: 64,
      stderrContains: "Erreur : option inconnue : --bogus"),
    FailureCase(
      name: "missing argument", arguments: ["score"], status: 64,
      stderrContains: "Erreur : argument attendu manquant : <id>\n"),
  ]

  @Test("CLI failures are worded in French", .timeLimit(.minutes(3)), arguments: failureCases)
  func failuresInFrench(_ failure: FailureCase) async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    let run = try await CLIRun.impact(failure.arguments + ["--lang", "fr"], daemon: daemon)
    #expect(run.status == failure.status, "\(run.stderr)")
    #expect(run.stderr.contains(failure.stderrContains), "\(run.stderr)")
    let english = try await CLIRun.impact(failure.arguments + ["--lang", "en"], daemon: daemon)
    #expect(english.status == failure.status)
    #expect(!english.stderr.contains(failure.stderrContains), "the English message is French: \(english.stderr)")
    await daemon.stop()
  }
}
