import Foundation
import Testing

/// Tables through the real `impact` and `impactd`: they fit the terminal's width (`COLUMNS`),
/// wrap rather than cut project names, count accented and wide characters as the terminal
/// does, and print what the committee asks (`compare`, `whatif`, `scheme show`,
/// `projects show`).
@Suite("tables fit the terminal", .serialized)
struct TableWidthTests {
  static let compareThree = [
    "pension-de-famille-rennes", "hebergement-urgence-paris-13", "conseils-personnes-accompagnees",
  ]
  static let compareFive =
    compareThree + ["accompagnement-scolaire-clermont", "distribution-alimentaire-marseille-nord"]

  /// The commands that print tables of the demo portfolio.
  static let commands: [[String]] = [
    ["rank"],
    ["projects", "list"],
    ["projects", "show", "conseils-personnes-accompagnees"],
    ["score", "accompagnement-scolaire-clermont"],
    ["compare"] + compareThree,
    ["compare"] + compareFive,
    ["portfolio"],
    ["coverage"],
    ["scheme", "show"],
    ["whatif", "--add", BuiltProducts.packageRoot.appendingPathComponent("examples/new-project.json").path],
    ["scores"],
    ["scores", "--status", "committee"],
  ]

  /// `impactd --demo`, once it serves (it listens before the demo portfolio is loaded).
  static func startDemo(_ directory: borrowing TemporaryDirectory) async throws -> DaemonProcess {
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    while try await CLIRun.impact(["status", "--check"], daemon: daemon).status != 0 {
      try await Task.sleep(for: .milliseconds(50))
    }
    return daemon
  }

  /// The names in the `name` column of an English `impact rank`, each put back together from
  /// its wrapped lines (spaces left out, as wrapping moves them).
  static func rankedNames(_ output: String) -> [String] {
    let lines = output.split(separator: "\n").map { Array(String($0)) }
    guard let header = lines.first,
      let nameStart = String(header).range(of: " name ").map({
        String(header).distance(from: String(header).startIndex, to: $0.lowerBound) + 1
      })
    else { return [] }
    var nextStart = nameStart + 4
    while nextStart < header.count, header[nextStart] == " " { nextStart += 1 }
    var names: [String] = []
    for line in lines.dropFirst() {
      let fragment = line.count > nameStart ? String(line[nameStart..<min(line.count, nextStart)]) : ""
      let startsRow = line.prefix(4).contains { $0 != " " }
      if startsRow { names.append("") }
      if !names.isEmpty { names[names.count - 1] += fragment.filter { !$0.isWhitespace } }
    }
    return names
  }

  /// The demo projects' names, from the file `impactd --demo` loads.
  static func demoNames() throws -> [String] {
    let url = BuiltProducts.packageRoot.appendingPathComponent("examples/demo-portfolio.json")
    let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    let projects = document?["projects"] as? [[String: Any]] ?? []
    return projects.compactMap { $0["name"] as? String }
  }

  /// The columns a line takes in a terminal: two for East Asian wide characters and emoji,
  /// none for combining marks and joiners, one for the rest.
  static func displayWidth(_ line: String) -> Int {
    line.reduce(0) { total, character in
      let scalars = character.unicodeScalars
      if scalars.contains(where: { $0.properties.isEmojiPresentation || (0x3000...0x9FFF).contains($0.value) }) {
        return total + 2
      }
      let invisible: Set<Unicode.GeneralCategory> = [.nonspacingMark, .enclosingMark, .format]
      return total + (scalars.allSatisfy { invisible.contains($0.properties.generalCategory) } ? 0 : 1)
    }
  }

  @Test(
    "no table line is wider than COLUMNS and no project name is cut, in English and French",
    .timeLimit(.minutes(3)),
    arguments: [80, 160]
  )
  func tablesFitTheWidth(columns: Int) async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.startDemo(directory)
    defer { Task { await daemon.stop() } }
    let names = try Self.demoNames()
    #expect(names.count > 20)
    for language in ["en", "fr"] {
      for command in Self.commands {
        let run = try await CLIRun.impact(
          command + ["--lang", language], environment: ["COLUMNS": String(columns), "IMPACT_SERVER": daemon.address])
        let label = "\(command.joined(separator: " ")) --lang \(language) at \(columns)"
        #expect(run.status == 0, "\(label): \(run.stderr)")
        #expect(!run.stdout.isEmpty, "\(label) printed nothing")
        for line in run.stdout.split(separator: "\n") where Self.displayWidth(String(line)) > columns {
          Issue.record("\(label): a line of \(Self.displayWidth(String(line))) columns: \(line)")
        }
        #expect(!run.stdout.contains("…"), "\(label) cut a value:\n\(run.stdout)")
      }
      // Every name is whole in the ranking, wrapped onto several lines or not.
      let rank = try await CLIRun.impact(
        ["rank", "--lang", "en"], environment: ["COLUMNS": String(columns), "IMPACT_SERVER": daemon.address])
      let ranked = Set(Self.rankedNames(rank.stdout))
      #expect(ranked.count == names.count, "\(rank.stdout)")
      for name in names {
        #expect(
          ranked.contains(name.filter { !$0.isWhitespace }),
          "rank at \(columns) columns: '\(name)' is not whole:\n\(rank.stdout)")
      }
    }
    // At 160 columns a ranking shows every name on one line.
    let wide = try await CLIRun.impact(["rank"], environment: ["COLUMNS": "160", "IMPACT_SERVER": daemon.address])
    for name in names { #expect(wide.stdout.contains(name), "rank at 160 columns lost '\(name)'") }
    await daemon.stop()
  }

  @Test("--wide prints whole lines and --columns chooses and orders columns", .timeLimit(.minutes(3)))
  func wideAndColumns() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.startDemo(directory)
    defer { Task { await daemon.stop() } }
    let names = try Self.demoNames()
    let environment = ["COLUMNS": "80", "IMPACT_SERVER": daemon.address]

    let wide = try await CLIRun.impact(["rank", "--wide"], environment: environment)
    #expect(wide.status == 0, "\(wide.stderr)")
    #expect(wide.stdout.split(separator: "\n").contains { Self.displayWidth(String($0)) > 80 })
    for name in names { #expect(wide.stdout.contains(name), "rank --wide lost '\(name)'") }

    let chosen = try await CLIRun.impact(["rank", "--columns", "name,RANK,composite"], environment: environment)
    #expect(chosen.status == 0, "\(chosen.stderr)")
    let header = chosen.stdout.split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.split(separator: " ").map(String.init) == ["name", "rank", "composite"], "\(chosen.stdout)")
    for name in names { #expect(chosen.stdout.contains(name), "rank --columns lost '\(name)'") }

    // `impact scores` lays its table out like the others: whole names with --wide, and
    // --columns choosing among every column, the optional ones too.
    let wideScores = try await CLIRun.impact(["scores", "--wide"], environment: environment)
    #expect(wideScores.status == 0, "\(wideScores.stderr)")
    for name in names { #expect(wideScores.stdout.contains(name), "scores --wide lost '\(name)'") }
    let chosenScores = try await CLIRun.impact(["scores", "--columns", "name,sroi,rank"], environment: environment)
    #expect(chosenScores.status == 0, "\(chosenScores.stderr)")
    let scoresHeader = chosenScores.stdout.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
    #expect(scoresHeader.split(separator: " ").map(String.init) == ["name", "SROI", "rank"], "\(chosenScores.stdout)")
    #expect(!chosenScores.stdout.contains("…"), "\(chosenScores.stdout)")

    let csv = try await CLIRun.impact(
      ["rank", "--columns", "id,composite", "--output", "csv"], environment: environment)
    #expect(csv.stdout.hasPrefix("id,composite\r\n"), "\(csv.stdout.prefix(200))")

    let unknown = try await CLIRun.impact(["rank", "--columns", "rank,colour"], environment: environment)
    #expect(unknown.status == 64, "\(unknown.stderr)")
    #expect(unknown.stderr.contains("colour") && unknown.stderr.contains("composite"), "\(unknown.stderr)")
    #expect(unknown.stdout.isEmpty)

    let empty = try await CLIRun.impact(["rank", "--columns", ","], environment: environment)
    #expect(empty.status == 64, "\(empty.stderr)")
    await daemon.stop()
  }

  @Test(
    "compare of three to five projects fits 80 columns with the names over the columns, blocks when narrower",
    .timeLimit(.minutes(3)))
  func compareAtEightyColumns() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.startDemo(directory)
    defer { Task { await daemon.stop() } }
    let environment = ["COLUMNS": "80", "IMPACT_SERVER": daemon.address]

    let three = try await CLIRun.impact(["compare"] + Self.compareThree, environment: environment)
    #expect(three.status == 0, "\(three.stderr)")
    let lines = three.stdout.split(separator: "\n").map(String.init)
    // One row per figure: the composite is on one line, with a number for each project.
    let composite = lines.first { $0.hasPrefix("composite") } ?? ""
    #expect(composite.split(separator: " ").count == 4, "\(three.stdout)")
    // The header (the lines before the first row, `project`) holds the names' words.
    let headerLines = lines.prefix { !$0.hasPrefix("project") }
    #expect(!headerLines.isEmpty && headerLines.count < lines.count, "\(three.stdout)")
    #expect(headerLines.joined(separator: " ").contains("Pension"), "\(three.stdout)")
    #expect(
      three.stdout.contains("pension-de-famille-rennes") || three.stdout.contains("pension-de-"), "\(three.stdout)")

    let five = try await CLIRun.impact(["compare"] + Self.compareFive, environment: environment)
    #expect(five.status == 0, "\(five.stderr)")
    #expect(five.stdout.split(separator: "\n").first { $0.hasPrefix("composite") }?.split(separator: " ").count == 6)

    // Narrower still, each project becomes a block of its own, titled with its name.
    let blocks = try await CLIRun.impact(
      ["compare"] + Self.compareFive, environment: ["COLUMNS": "50", "IMPACT_SERVER": daemon.address])
    #expect(blocks.status == 0, "\(blocks.stderr)")
    // A title wider than the line wraps too.
    for title in ["Pension de famille – Rennes", "Distribution alimentaire – Marseille quartiers"] {
      #expect(
        blocks.stdout.split(separator: "\n").contains { $0 == title }, "no block titled '\(title)':\n\(blocks.stdout)")
    }
    #expect(blocks.stdout.split(separator: "\n").filter { $0.hasPrefix("composite") }.count == 5, "\(blocks.stdout)")
    #expect(blocks.stdout.split(separator: "\n").allSatisfy { Self.displayWidth(String($0)) <= 50 }, "\(blocks.stdout)")

    let chosen = try await CLIRun.impact(
      ["compare"] + Self.compareFive + ["--columns", "pension-de-famille-rennes,hebergement-urgence-paris-13"],
      environment: environment)
    #expect(chosen.status == 0, "\(chosen.stderr)")
    #expect(chosen.stdout.split(separator: "\n").first { $0.hasPrefix("composite") }?.split(separator: " ").count == 3)
    await daemon.stop()
  }

  @Test("accented, wide and joined characters take the columns the terminal gives them", .timeLimit(.minutes(3)))
  func wideCharactersAlign() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let fixture =
      try JSONSerialization.jsonObject(with: Data(contentsOf: BuiltProducts.referenceFixture)) as? [String: Any]
    var document = try #require(fixture)
    var projects = try #require(document["projects"] as? [[String: Any]])
    projects[0]["name"] = "東京の家族ホーム 👩‍👩‍👧 Zoë"
    projects[1]["name"] = "Pension de famille – Lille (e\u{301}te\u{301})"
    document["projects"] = projects
    let path = directory.path("wide.json")
    try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path))
    let imported = try await CLIRun.impact(["import", path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")

    let run = try await CLIRun.impact(
      ["rank", "--columns", "name,composite"], environment: ["COLUMNS": "100", "IMPACT_SERVER": daemon.address])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 5, "\(run.stdout)")
    // The composite is right-aligned: every line ends at the same terminal column.
    let widths = Set(lines.map(Self.displayWidth))
    #expect(widths.count == 1, "lines end at columns \(widths):\n\(run.stdout)")
    #expect(run.stdout.contains("東京の家族ホーム 👩‍👩‍👧 Zoë"))
    await daemon.stop()
  }

  @Test("whatif shows the candidate's score and rank first, then only what changed", .timeLimit(.minutes(3)))
  func whatIfShowsTheCandidate() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.startDemo(directory)
    defer { Task { await daemon.stop() } }
    let candidate = BuiltProducts.packageRoot.appendingPathComponent("examples/new-project.json").path
    let environment = ["COLUMNS": "80", "IMPACT_SERVER": daemon.address]

    let run = try await CLIRun.impact(["whatif", "--add", candidate], environment: environment)
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.first == "Tiers-lieu rural – Die (Drôme) (tiers-lieu-rural-diois) after the changes", "\(run.stdout)")
    #expect(lines.contains { $0.hasPrefix("composite ") }, "\(run.stdout)")
    #expect(
      lines.contains { $0.range(of: #"^rank\s+\d+ of 32$"#, options: .regularExpression) != nil }, "\(run.stdout)")
    #expect(run.stdout.contains("(--all shows every figure)"), "\(run.stdout)")
    #expect(lines.count < 90, "\(lines.count) lines:\n\(run.stdout)")
    // No figure row left whose before and after are the same.
    for line in lines where line.hasPrefix("exposure") || line.hasPrefix("matrix") {
      let parts = line.split(separator: " ").suffix(3)
      #expect(
        parts.count < 3 || parts[parts.startIndex] != parts[parts.startIndex + 1], "unchanged figure shown: \(line)")
    }

    let all = try await CLIRun.impact(["whatif", "--add", candidate, "--all"], environment: environment)
    #expect(all.status == 0, "\(all.stderr)")
    #expect(all.stdout.split(separator: "\n").count > lines.count + 20, "\(all.stdout)")
    #expect(!all.stdout.contains("--all shows"))

    let french = try await CLIRun.impact(["whatif", "--add", candidate, "--lang", "fr"], environment: environment)
    #expect(french.stdout.hasPrefix("Tiers-lieu rural – Die (Drôme) (tiers-lieu-rural-diois) après les changements\n"))
    #expect(french.stdout.contains(" sur 32"), "\(french.stdout)")

    let json = try await CLIRun.impact(["whatif", "--add", candidate, "--json"], environment: environment)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    let scores = object?["changed_scores"] as? [[String: Any]]
    #expect(scores?.first?["project_id"] as? String == "tiers-lieu-rural-diois", "\(json.stdout.prefix(400))")
    #expect((scores?.first?["rank"] as? Int ?? 0) > 0)
    await daemon.stop()
  }

  @Test("whatif lists only the ranks the changes move, not those that stay or only shift", .timeLimit(.minutes(3)))
  func whatIfRankChanges() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.startDemo(directory)
    defer { Task { await daemon.stop() } }
    let candidate = BuiltProducts.packageRoot.appendingPathComponent("examples/new-project.json").path
    let environment = ["COLUMNS": "80", "IMPACT_SERVER": daemon.address]
    let arguments = ["whatif", "--add", candidate, "--set", "pension-de-famille-rennes.amount=500000"]

    let run = try await CLIRun.impact(arguments, environment: environment)
    #expect(run.status == 0, "\(run.stderr)")
    let ranks = run.stdout.components(separatedBy: "rank changes\n").last ?? ""
    #expect(ranks.contains("tiers-lieu-rural-diois") && ranks.contains("added"), "\(run.stdout)")
    #expect(!ranks.contains("unchanged") && !ranks.contains(" moved "), "\(ranks)")
    let shifted = try #require(ranks.firstMatch(of: /(\d+) other projects only shift in rank/), "\(ranks)")
    #expect(Int(shifted.1) ?? 0 > 5, "\(ranks)")

    let french = try await CLIRun.impact(arguments + ["--lang", "fr"], environment: environment)
    #expect(french.stdout.contains("autres projets ne font que se décaler au classement"), "\(french.stdout)")

    // --all and CSV keep every rank.
    let all = try await CLIRun.impact(arguments + ["--all"], environment: environment)
    #expect(all.stdout.contains(/pension-de-famille-rennes\s+unchanged/), "\(all.stdout)")
    #expect(
      all.stdout.split(separator: "\n").filter { $0.contains(" moved ") }.count == Int(shifted.1), "\(all.stdout)")
    #expect(!all.stdout.contains("only shift"))
    let csv = try await CLIRun.impact(arguments + ["--output", "csv"], environment: environment)
    #expect(csv.stdout.contains("pension-de-famille-rennes,unchanged,1,1"), "\(csv.stdout)")
    await daemon.stop()
  }

  @Test("scheme show says what each rating level means, from the scheme or the method", .timeLimit(.minutes(3)))
  func schemeShowsRatingLevels() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.startDemo(directory)
    defer { Task { await daemon.stop() } }
    let environment = ["COLUMNS": "80", "IMPACT_SERVER": daemon.address]

    let english = try await CLIRun.impact(["scheme", "show"], environment: environment)
    #expect(english.status == 0, "\(english.stderr)")
    #expect(english.stdout.contains("rating levels (0-4)"), "\(english.stdout)")
    #expect(english.stdout.contains("vital need"), "\(english.stdout)")
    let french = try await CLIRun.impact(["scheme", "show", "--lang", "fr"], environment: environment)
    #expect(french.stdout.contains("niveaux de notation"), "\(french.stdout)")
    #expect(french.stdout.contains("besoin vital"), "\(french.stdout)")

    // A scheme whose criterion says nothing of its levels: the method's meanings stand in.
    let documentRun = try await CLIRun.impact(["scheme", "show", "--document"], environment: environment)
    var scheme = try #require(try JSONSerialization.jsonObject(with: Data(documentRun.stdout.utf8)) as? [String: Any])
    var criteria = try #require(scheme["criteria"] as? [[String: Any]])
    criteria[0]["levels"] = [String: Any]()
    scheme["criteria"] = criteria
    let path = directory.path("scheme.json")
    try JSONSerialization.data(withJSONObject: scheme).write(to: URL(fileURLWithPath: path))
    let set = try await CLIRun.impact(["scheme", "set", path], environment: environment)
    #expect(set.status == 0, "\(set.stderr)")
    let defaults = try await CLIRun.impact(["scheme", "show"], environment: environment)
    #expect(defaults.stdout.contains("None: nothing shows it"), "\(defaults.stdout)")
    #expect(defaults.stdout.contains("method"), "\(defaults.stdout)")
    let defaultsFrench = try await CLIRun.impact(["scheme", "show", "--lang", "fr"], environment: environment)
    #expect(defaultsFrench.stdout.contains("Nul : rien ne le montre"), "\(defaultsFrench.stdout)")
    await daemon.stop()
  }

  @Test("projects show gives each rating the time it was recorded", .timeLimit(.minutes(3)))
  func projectsShowRatingTimes() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    let rated = try await CLIRun.impact(
      ["rate", CLICommandTests.lyon, "--criterion", "systemic", "--rater", "zoe", "--value", "3"], daemon: daemon)
    #expect(rated.status == 0, "\(rated.stderr)")

    let run = try await CLIRun.impact(["projects", "show", CLICommandTests.lyon, "--output", "csv"], daemon: daemon)
    #expect(run.status == 0, "\(run.stderr)")
    let ratingRows = run.stdout.components(separatedBy: "\r\n").drop { !$0.hasPrefix("criterion,") }.dropFirst()
      .prefix { !$0.isEmpty }
    #expect(ratingRows.count >= 2, "\(run.stdout)")
    for row in ratingRows {
      #expect(
        row.range(of: #",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,"#, options: .regularExpression) != nil, "no time: \(row)")
    }
    await daemon.stop()
  }
}
