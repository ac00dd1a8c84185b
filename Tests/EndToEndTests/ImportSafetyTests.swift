import Foundation
import Testing

/// Re-imports that would undo newer committee work, imports that change nothing, large
/// replacements, and `impact scores`: the real `impact` against a real `impactd`.
@Suite("safe re-imports and bulk scores", .serialized)
struct ImportSafetyTests {
  static let lyon = "chantier-insertion-lyon"
  static let lille = "pension-de-famille-lille"

  /// A daemon holding the reference portfolio (revision 1).
  static func importedDaemon(database: String) async throws -> DaemonProcess {
    let daemon = try await DaemonProcess.start(database: database)
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    return daemon
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  static func revision(_ daemon: DaemonProcess) async throws -> Int {
    let status = try await CLIRun.impact(["status", "--json"], daemon: daemon)
    #expect(status.status == 0, "\(status.stderr)")
    return try #require(try json(status.stdout)["revision"] as? Int)
  }

  static func ratings(of id: String, _ daemon: DaemonProcess) async throws -> [[String: Any]] {
    let shown = try await CLIRun.impact(["projects", "show", id, "--json"], daemon: daemon)
    #expect(shown.status == 0, "\(shown.stderr)")
    let project = try #require(try json(shown.stdout)["project"] as? [String: Any])
    return project["ratings"] as? [[String: Any]] ?? []
  }

  @Test("re-importing an older export is refused, names what is newer, and changes nothing", .timeLimit(.minutes(3)))
  func olderExportIsRefused() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.importedDaemon(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let export = directory.path("export.json")
    let exported = try await CLIRun.impact(["export", "--to", export], daemon: daemon)
    #expect(exported.status == 0, "\(exported.stderr)")
    let document = try String(contentsOfFile: export, encoding: .utf8)
    #expect(document.contains("\"format\": \"impact-portfolio/2\""))
    #expect(document.contains("\"revision\": 1"))

    // Committee work after the export: a new rating, then an observation.
    let rated = try await CLIRun.impact(
      ["rate", Self.lyon, "--criterion", "systemic", "--rater", "zoe", "--value", "3"], daemon: daemon)
    #expect(rated.status == 0, "\(rated.stderr)")
    let observed = try await CLIRun.impact(
      ["observe", Self.lyon, "emploi-durable", "52", "--period", "2026-Q3"], daemon: daemon)
    #expect(observed.status == 0, "\(observed.stderr)")
    let before = try await Self.revision(daemon)

    // The dry run says what would be lost, in every format, and writes nothing.
    let dryTable = try await CLIRun.impact(["import", export, "--dry-run"], daemon: daemon)
    #expect(dryTable.status == 0, "\(dryTable.stderr)")
    #expect(dryTable.stdout.contains("rating systemic by"), "\(dryTable.stdout)")
    #expect(dryTable.stdout.contains("zoe"), "\(dryTable.stdout)")
    #expect(dryTable.stdout.contains("emploi-durable"), "\(dryTable.stdout)")
    #expect(dryTable.stdout.contains("newer: yes"), "\(dryTable.stdout)")
    #expect(dryTable.stdout.contains("--overwrite-newer"), "\(dryTable.stdout)")
    let dryJSON = try Self.json(
      try await CLIRun.impact(["import", export, "--dry-run", "--json"], daemon: daemon).stdout)
    #expect(dryJSON["newer_count"] as? Int == 2)
    #expect(dryJSON["document_revision"] as? Int == 1)
    let projects = try #require(dryJSON["projects"] as? [[String: Any]])
    #expect(projects.count == 1)
    #expect(projects.first?["project_id"] as? String == Self.lyon)
    let replaced = projects.first?["replaced"] as? [[String: Any]] ?? []
    #expect(
      replaced.contains {
        $0["kind"] as? String == "REPLACED_VALUE_KIND_RATING" && $0["rater"] as? String == "zoe"
          && $0["newer"] as? Bool == true
      })
    #expect(
      replaced.contains {
        $0["kind"] as? String == "REPLACED_VALUE_KIND_ACTUAL" && $0["before"] as? Double == 52
          && $0["after"] as? Double == 45
      })
    let dryCSV = try await CLIRun.impact(["import", export, "--dry-run", "--output", "csv"], daemon: daemon)
    #expect(dryCSV.stdout.contains("project_id,action,value,before,after,recorded_at,newer\r\n"), "\(dryCSV.stdout)")
    #expect(dryCSV.stdout.contains("\(Self.lyon),updated,rating:systemic:zoe,3,,"), "\(dryCSV.stdout)")
    #expect(dryCSV.stdout.contains("\(Self.lyon),updated,actual:emploi-durable,52,45,"), "\(dryCSV.stdout)")
    #expect(try await Self.revision(daemon) == before)

    // The import itself is refused, naming the project and the newer values.
    let refused = try await CLIRun.impact(["import", export], daemon: daemon)
    #expect(refused.status == 65, "\(refused.stdout) \(refused.stderr)")
    #expect(refused.stderr.contains(Self.lyon), "\(refused.stderr)")
    #expect(refused.stderr.contains("zoe"), "\(refused.stderr)")
    #expect(refused.stderr.contains("emploi-durable"), "\(refused.stderr)")
    #expect(try await Self.revision(daemon) == before)
    #expect(try await Self.ratings(of: Self.lyon, daemon).contains { $0["rater"] as? String == "zoe" })

    // In French too.
    let french = try await CLIRun.impact(["import", export, "--lang", "fr"], daemon: daemon)
    #expect(french.status == 65)
    #expect(french.stderr.contains("--overwrite-newer"), "\(french.stderr)")
    #expect(french.stderr.contains("révision"), "\(french.stderr)")

    // Asked for, it replaces them.
    let forced = try await CLIRun.impact(["import", export, "--overwrite-newer", "--output", "csv"], daemon: daemon)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.contains("updated,1"), "\(forced.stdout)")
    #expect(try await Self.revision(daemon) == before + 1)
    #expect(try await !Self.ratings(of: Self.lyon, daemon).contains { $0["rater"] as? String == "zoe" })
    await daemon.stop()
  }

  @Test("CSV tables are dated by their export.csv, never by the files' modification time", .timeLimit(.minutes(3)))
  func csvTablesAreDatedByTheirExport() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.importedDaemon(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let tables = directory.path("nc")
    let exported = try await CLIRun.impact(["export", "--format", "csv", "--to", tables, "--excel"], daemon: daemon)
    #expect(exported.status == 0, "\(exported.stderr)")
    let stamp = try String(contentsOfFile: tables + "/export.csv", encoding: .utf8)
    #expect(stamp.hasPrefix("format;revision;exported_at\r\nimpact-csv/1;1;"), "\(stamp)")
    let rated = try await CLIRun.impact(
      ["rate", Self.lyon, "--criterion", "systemic", "--rater", "zoe", "--value", "3"], daemon: daemon)
    #expect(rated.status == 0, "\(rated.stderr)")
    let before = try await Self.revision(daemon)

    // Saving in Excel makes every file newer than the rating: the export's revision still wins.
    let names = ["projects.csv", "outcomes.csv", "ratings.csv", "export.csv"]
    for name in names {
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: tables + "/" + name)
    }
    let refused = try await CLIRun.impact(["import"] + names.map { tables + "/" + $0 }, daemon: daemon)
    #expect(refused.status == 65, "\(refused.stdout) \(refused.stderr)")
    #expect(refused.stderr.contains("zoe") && refused.stderr.contains("(revision 1)"), "\(refused.stderr)")

    // Without export.csv, or a JSON document without a revision however recent its file,
    // nothing dates the document: every value it replaces counts as newer.
    let undated = try await CLIRun.impact(["import"] + names.dropLast().map { tables + "/" + $0 }, daemon: daemon)
    #expect(undated.status == 65, "\(undated.stdout) \(undated.stderr)")
    #expect(undated.stderr.contains("neither a revision nor a date"), "\(undated.stderr)")
    let edited = directory.path("edited.json")
    try FileManager.default.copyItem(atPath: BuiltProducts.referenceFixture.path, toPath: edited)
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: edited)
    let recentFile = try await CLIRun.impact(["import", edited], daemon: daemon)
    #expect(recentFile.status == 65, "\(recentFile.stdout) \(recentFile.stderr)")
    #expect(try await Self.revision(daemon) == before)
    #expect(try await Self.ratings(of: Self.lyon, daemon).contains { $0["rater"] as? String == "zoe" })

    // A dry run with --overwrite-newer says the newer values will be overwritten, in French too.
    let dryRun = try await CLIRun.impact(["import", edited, "--dry-run", "--overwrite-newer"], daemon: daemon)
    #expect(dryRun.stdout.contains("the import will overwrite them (--overwrite-newer)"), "\(dryRun.stdout)")
    #expect(!dryRun.stdout.contains("refused"), "\(dryRun.stdout)")
    let french = try await CLIRun.impact(
      ["import", edited, "--dry-run", "--overwrite-newer", "--lang", "fr"], daemon: daemon)
    #expect(french.stdout.contains("l’import les écrasera (--overwrite-newer)"), "\(french.stdout)")
    let accepted = try await CLIRun.impact(
      ["import"] + names.map { tables + "/" + $0 } + ["--overwrite-newer"], daemon: daemon)
    #expect(accepted.status == 0, "\(accepted.stderr)")
    #expect(try await !Self.ratings(of: Self.lyon, daemon).contains { $0["rater"] as? String == "zoe" })
    await daemon.stop()
  }

  @Test("a JSON document passed through jq (é unescaped, keys spaced) imports as unchanged", .timeLimit(.minutes(3)))
  func reformattedExportIsUnchanged() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.importedDaemon(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    var document = try Self.json(try String(contentsOf: BuiltProducts.referenceFixture, encoding: .utf8))
    var projects = try #require(document["projects"] as? [[String: Any]])
    projects[0]["extra"] = ["theme": "santé mentale", "tags": ["a", "b"]]
    document["projects"] = projects
    let first = directory.path("first.json")
    try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: first))
    #expect(try await CLIRun.impact(["import", first], daemon: daemon).status == 0)
    let export = directory.path("export.json")
    #expect(try await CLIRun.impact(["export", "--to", export], daemon: daemon).status == 0)
    let before = try await Self.revision(daemon)
    // What jq writes: the same values, reindented, with é as itself rather than \u00e9.
    let reformatted = directory.path("reformatted.json")
    let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: export)))
    try JSONSerialization.data(withJSONObject: parsed, options: [.prettyPrinted, .sortedKeys])
      .write(to: URL(fileURLWithPath: reformatted))
    let again = try Self.json(try await CLIRun.impact(["import", reformatted, "--json"], daemon: daemon).stdout)
    #expect(again["updated"] as? Int == nil || again["updated"] as? Int == 0, "\(again)")
    #expect(try await Self.revision(daemon) == before)
    await daemon.stop()
  }

  @Test(
    "an import that changes nothing makes no revision; a change announces only its projects", .timeLimit(.minutes(3)))
  func unchangedImportsAreSilent() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.importedDaemon(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let again = try Self.json(
      try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path, "--json"], daemon: daemon).stdout)
    #expect(again["revision"] as? Int == 1)
    #expect(again["unchanged"] as? Int == 4)
    #expect(try await Self.revision(daemon) == 1)

    // One project's amount changes: the summary says so, the watch event names it alone.
    var document = try Self.json(try String(contentsOf: BuiltProducts.referenceFixture, encoding: .utf8))
    var projects = try #require(document["projects"] as? [[String: Any]])
    let index = try #require(projects.firstIndex { $0["id"] as? String == Self.lille })
    projects[index]["amount"] = 450_000
    document["projects"] = projects
    let changed = directory.path("changed.json")
    try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: changed))
    let imported = try await CLIRun.impact(["import", changed], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains(Self.lille), "\(imported.stdout)")
    #expect(imported.stdout.contains("amount"), "\(imported.stdout)")

    let watch = try CLIStreamingRun(["watch", "--since", "0", "--json", "--server", daemon.address])
    let lines = try await watch.waitForLines(2)
    let event = try Self.json(lines[1])
    #expect(event["revision"] as? Int == 2)
    #expect(event["project_ids"] as? [String] == [Self.lille], "\(lines[1])")
    let status = try await watch.terminate()
    #expect(status == 0, "watch exited \(status): \(watch.stderr)")
    #expect(try await Self.revision(daemon) == 2)
    await daemon.stop()
  }

  @Test("--replace that deletes more than half of the portfolio needs --yes", .timeLimit(.minutes(3)))
  func largeReplacementNeedsConfirmation() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.importedDaemon(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    var document = try Self.json(try String(contentsOf: BuiltProducts.referenceFixture, encoding: .utf8))
    let projects = try #require(document["projects"] as? [[String: Any]])
    document["projects"] = projects.filter { $0["id"] as? String == Self.lyon }
    let single = directory.path("single.json")
    try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: single))

    let dryRun = try await CLIRun.impact(["import", single, "--replace", "--dry-run"], daemon: daemon)
    #expect(dryRun.status == 0, "\(dryRun.stderr)")
    #expect(dryRun.stdout.contains("--yes"), "\(dryRun.stdout)")
    let refused = try await CLIRun.impact(["import", single, "--replace", "--overwrite-newer"], daemon: daemon)
    #expect(refused.status == 65, "\(refused.stdout) \(refused.stderr)")
    #expect(refused.stderr.contains("3 of the 4"), "\(refused.stderr)")
    #expect(try await Self.revision(daemon) == 1)
    let confirmed = try await CLIRun.impact(
      ["import", single, "--replace", "--overwrite-newer", "--yes", "--json"], daemon: daemon)
    #expect(confirmed.status == 0, "\(confirmed.stderr)")
    #expect(try Self.json(confirmed.stdout)["deleted"] as? Int == 3)
    await daemon.stop()
  }

  @Test("scores streams every project's full score as csv, json lines and a table", .timeLimit(.minutes(3)))
  func scoresOfEveryProject() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await Self.importedDaemon(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }

    let csv = try await CLIRun.impact(["scores", "--output", "csv"], daemon: daemon)
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    #expect(lines.count == 5, "\(csv.stdout)")
    let header = lines[0].components(separatedBy: ",")
    for column in [
      "project_id", "composite", "quantitative", "qualitative", "confidence", "evidence_factor", "mean_risk",
      "depth_class", "completeness", "impact_class", "rank", "percentile", "contribution", "sroi",
      "criterion_who_median", "share_employment",
    ] {
      #expect(header.contains(column), "missing column \(column)")
    }
    // Each row says what `impact score` says.
    let score = try Self.json(try await CLIRun.impact(["score", Self.lyon, "--json"], daemon: daemon).stdout)
    let composite = try #require((score["score"] as? [String: Any])?["composite"] as? Double)
    let row = try #require(lines.first { $0.hasPrefix(Self.lyon + ",") }).components(separatedBy: ",")
    let compositeIndex = try #require(header.firstIndex(of: "composite"))
    // CSV writes numbers without binary noise (15 significant digits).
    #expect(abs(try #require(Double(row[compositeIndex])) - composite) < 1e-9)

    let excel = try await CLIRun.impact(["scores", "--output", "csv", "--excel", "--status", "funded"], daemon: daemon)
    #expect(excel.status == 0, "\(excel.stderr)")
    #expect(excel.stdout.hasPrefix("\u{FEFF}project_id;name;"), "\(excel.stdout.prefix(40))")

    let json = try await CLIRun.impact(["scores", "--json"], daemon: daemon)
    let messages = try json.stdout.split(separator: "\n").map { try Self.json(String($0)) }
    #expect(messages.count == 5)
    #expect((messages.first?["header"] as? [String: Any])?["total_size"] as? Int == 4)
    #expect(messages.dropFirst().allSatisfy { ($0["score"] as? [String: Any])?["outcomes"] != nil })

    let table = try await CLIRun.impact(
      ["scores", "--lang", "fr", "--server", daemon.address], environment: ["COLUMNS": "80"])
    #expect(table.status == 0, "\(table.stderr)")
    let tableLines = table.stdout.split(separator: "\n")
    // At 80 columns names wrap; with --wide each project is one line, under a title and a header.
    let wide = try await CLIRun.impact(["scores", "--wide", "--server", daemon.address])
    #expect(wide.status == 0, "\(wide.stderr)")
    #expect(wide.stdout.split(whereSeparator: \.isNewline).count == 6, "\(wide.stdout)")
    #expect(tableLines.allSatisfy { $0.count <= 80 }, "\(table.stdout)")
    #expect(table.stdout.contains("rang"), "\(table.stdout)")
    await daemon.stop()
  }
}
