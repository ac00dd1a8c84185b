import Foundation
import Testing

/// CSV files as a French finance team has them: saved by Excel (Windows-1252, `;`, decimal
/// commas, thousands separated by no-break spaces), written back for Excel (`--excel`), and
/// errors that name every cell once. Real `impact` and `impactd` processes.
@Suite("Excel and CSV files", .serialized)
struct ExcelCSVTests {
  /// The bytes of `text` in Windows-1252, as French Excel saves "CSV (séparateur: point-virgule)".
  static func windows1252(_ text: String) -> Data {
    let upper: [UInt32] = [
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
      0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
      0x0153, 0x9D, 0x017E, 0x0178,
    ]
    return Data(
      text.unicodeScalars.map { scalar in
        if let index = upper.firstIndex(of: scalar.value) { return UInt8(0x80 + index) }
        // Excel writes "?" for what Windows-1252 lacks.
        return scalar.value < 0x100 ? UInt8(scalar.value) : UInt8(ascii: "?")
      })
  }

  static let frenchProjects =
    "id;name;programme;territory;status;amount;evidence_level\r\n"
    + "cafe-solidaire;Café « solidaire » d’Été;Économie sociale;Île-de-France;funded;380\u{00A0}000;3\r\n"
    + "jardins;Jardins partagés;Insertion;Hauts-de-France;committee;12\u{00A0}500,50;2\r\n"
  static let frenchOutcomes =
    "project_id;id;domain;share;indicator;unit;direction;baseline;threshold;target;actual;reach;duration_years;drop_off;deadweight;attribution;displacement;financial_proxy\r\n"
    + "cafe-solidaire;emploi;employment;0,6;taux d’emploi;%;higher_is_better;20;35;40;37,5;1\u{00A0}200;3;0,1;0,25;0,3;0,05;1\u{00A0}500\r\n"
    + "cafe-solidaire;lien;social_link;0,4;;;;;;;;800;2;;0,2;;;\r\n"
    + "jardins;nourrir;basic_needs;1;;;;;;;;350;1;;;;;\r\n"
  static let frenchRatings =
    "project_id;criterion;rater;value;comment\r\n"
    + "cafe-solidaire;who;amel;2,5;très « engagé »\r\n"
    + "jardins;what;bruno;3;\r\n"

  /// Writes the three tables in `directory` as `encode` makes them.
  static func writeTables(
    in directory: borrowing TemporaryDirectory, projects: String = frenchProjects, outcomes: String = frenchOutcomes,
    ratings: String = frenchRatings, encode: (String) -> Data = windows1252
  ) throws -> [String] {
    let paths = ["projets.csv", "effets.csv", "notes.csv"].map { directory.path($0) }
    for (path, text) in zip(paths, [projects, outcomes, ratings]) {
      try encode(text).write(to: URL(fileURLWithPath: path))
    }
    return paths
  }

  @Test(
    "a CSV saved by French Excel imports: Windows-1252, ';', decimal commas, no-break spaces", .timeLimit(.minutes(3)))
  func frenchExcelImports() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let paths = try Self.writeTables(in: directory)

    let imported = try await CLIRun.impact(["import"] + paths, daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stderr.contains("projets.csv: not UTF-8 text, read as windows-1252"), "\(imported.stderr)")
    let shown = try await CLIRun.impact(["projects", "show", "cafe-solidaire", "--json"], daemon: daemon)
    #expect(shown.stdout.contains("Café « solidaire » d’Été"), "\(shown.stdout)")
    #expect(shown.stdout.contains("\"amount\": 380000"), "\(shown.stdout)")
    #expect(shown.stdout.contains("\"financial_proxy\": 1500"), "\(shown.stdout)")
    let jardins = try await CLIRun.impact(["projects", "show", "jardins", "--json"], daemon: daemon)
    #expect(jardins.stdout.contains("\"amount\": 12500.5"), "\(jardins.stdout)")

    // Forced UTF-8, the file is refused naming the first line that is not.
    let forced = try await CLIRun.impact(["import", "--encoding", "utf-8", "--lang", "fr"] + paths, daemon: daemon)
    #expect(forced.status == 65)
    #expect(forced.stderr.contains("la ligne 2 n'est pas du texte UTF-8"), "\(forced.stderr)")

    // The same tables in UTF-8 with a byte order mark, as "CSV UTF-8" saves them, say nothing.
    let utf8 = try Self.writeTables(in: directory, encode: { Data(("\u{FEFF}" + $0).utf8) })
    let again = try await CLIRun.impact(["import", "--dry-run"] + utf8, daemon: daemon)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(!again.stderr.contains("windows-1252"), "\(again.stderr)")
    await daemon.stop()
  }

  @Test(
    "a number with an invisible character is refused, naming the character, in French and English",
    .timeLimit(.minutes(3)))
  func invisibleCharacterIsNamed() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let projects = Self.frenchProjects.replacingOccurrences(of: "380\u{00A0}000", with: "380\u{200B}000")
    let paths = try Self.writeTables(in: directory, projects: projects, encode: { Data($0.utf8) })
    let english = try await CLIRun.impact(["import"] + paths, daemon: daemon)
    #expect(english.status == 65)
    #expect(english.stderr.contains("projets.csv:2:6: column amount: "), "\(english.stderr)")
    #expect(english.stderr.contains("U+200B zero width space"), "\(english.stderr)")
    #expect(english.stderr.contains("1 problem"), "\(english.stderr)")
    let french = try await CLIRun.impact(["import", "--lang", "fr"] + paths, daemon: daemon)
    #expect(french.stderr.contains("projets.csv:2:6: colonne amount : "), "\(french.stderr)")
    #expect(french.stderr.contains("U+200B espace sans chasse"), "\(french.stderr)")
    let listed = try await CLIRun.impact(["projects", "list", "--json"], daemon: daemon)
    #expect(!listed.stdout.contains("cafe-solidaire"), "nothing is imported")
    await daemon.stop()
  }

  @Test(
    "errors name file, line and column once each; a long list is cut at 20 and written whole with --errors",
    .timeLimit(.minutes(3)))
  func errorsArePlacedAndCounted() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    // One bad amount: one error, not one per outcome and rating of its project.
    let badAmount = Self.frenchProjects.replacingOccurrences(of: "380\u{00A0}000", with: "trois cents")
    let paths = try Self.writeTables(in: directory, projects: badAmount)
    let one = try await CLIRun.impact(["import"] + paths, daemon: daemon)
    #expect(one.status == 65)
    #expect(one.stderr.contains("1 problem"), "\(one.stderr)")
    #expect(one.stderr.contains("projets.csv:2:6: column amount: \"trois cents\" is not a number"), "\(one.stderr)")
    #expect(!one.stderr.contains("is not a project"), "\(one.stderr)")

    // Rule errors carry their place too: a threshold on the wrong side, a negative amount.
    let rules = Self.frenchProjects.replacingOccurrences(of: "12\u{00A0}500,50", with: "-5")
    let ruleOutcomes = Self.frenchOutcomes.replacingOccurrences(of: ";20;35;40;", with: ";20;10;40;")
    let rulePaths = try Self.writeTables(in: directory, projects: rules, outcomes: ruleOutcomes)
    let ruled = try await CLIRun.impact(["import"] + rulePaths, daemon: daemon)
    #expect(ruled.status == 65)
    #expect(ruled.stderr.contains("2 problems"), "\(ruled.stderr)")
    #expect(
      ruled.stderr.contains("projets.csv:3:6: column amount: project jardins: amount -5 must be at least 0"),
      "\(ruled.stderr)")
    #expect(
      ruled.stderr.contains("effets.csv:2:9: column threshold: project cafe-solidaire, outcome emploi:"),
      "\(ruled.stderr)")

    // Thirty bad rows: twenty shown, the count of the rest, and all thirty in --errors.
    var many = "id;name;amount\r\n"
    for index in 1...30 { many += "p\(index);Projet \(index);\(index) k€\r\n" }
    let manyPath = directory.path("projects.csv")
    try Data(many.utf8).write(to: URL(fileURLWithPath: manyPath))
    let long = try await CLIRun.impact(["import", manyPath], daemon: daemon)
    #expect(long.status == 65)
    #expect(long.stderr.contains("30 problems"), "\(long.stderr)")
    #expect(long.stderr.contains("projects.csv:21:3:"), "\(long.stderr)")
    #expect(!long.stderr.contains("projects.csv:22:3:"), "\(long.stderr)")
    #expect(long.stderr.contains("… and 10 more: give --errors FILE to write them all"), "\(long.stderr)")
    let errorsPath = directory.path("errors.txt")
    let written = try await CLIRun.impact(["import", manyPath, "--errors", errorsPath, "--lang", "fr"], daemon: daemon)
    #expect(written.status == 65)
    #expect(written.stderr.contains("les 30 problèmes sont écrits dans \(errorsPath)"), "\(written.stderr)")
    let lines = try String(contentsOfFile: errorsPath, encoding: .utf8).split(separator: "\n")
    #expect(lines.count == 30)
    #expect(
      lines.last?.contains("projects.csv:31:3: colonne amount : « 30 k€ » n'est pas un nombre") == true,
      "\(lines.last ?? "")")
    let listed = try await CLIRun.impact(["projects", "list", "--json"], daemon: daemon)
    #expect(!listed.stdout.contains("\"p1\""), "nothing is imported")
    await daemon.stop()
  }

  @Test("a JSON document with two errors reports both, with their lines", .timeLimit(.minutes(3)))
  func jsonReportsEveryError() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let document = """
      {"format": "impact-portfolio/1", "projects": [
        {"id": "a", "name": "A", "amount": -1, "outcomes": [{"id": "o", "domain": "health", "reach": 10}]},
        {"id": "b", "name": "B", "amount": 5, "evidence_level": 9,
         "outcomes": [{"id": "o", "domain": "health", "reach": 10}]}
      ]}
      """
    let path = directory.path("portefeuille.json")
    try Data(document.utf8).write(to: URL(fileURLWithPath: path))
    let run = try await CLIRun.impact(["import", path], daemon: daemon)
    #expect(run.status == 65)
    #expect(run.stderr.contains("2 problems"), "\(run.stderr)")
    #expect(run.stderr.contains("portefeuille.json:2:"), "\(run.stderr)")
    #expect(run.stderr.contains("portefeuille.json:3:"), "\(run.stderr)")

    // A format error does not hide the rules the other, well-formed projects break.
    let mixed = document.replacingOccurrences(of: "\"amount\": -1", with: "\"amount\": \"beaucoup\"")
    try Data(mixed.utf8).write(to: URL(fileURLWithPath: path))
    let both = try await CLIRun.impact(["import", path], daemon: daemon)
    #expect(both.status == 65)
    #expect(both.stderr.contains("2 problems"), "\(both.stderr)")
    #expect(both.stderr.contains("portefeuille.json:2:38: projects[0].amount: expected a number"), "\(both.stderr)")
    #expect(both.stderr.contains("portefeuille.json:3:59: project b: evidence_level 9"), "\(both.stderr)")
    await daemon.stop()
  }

  @Test("--excel writes what French Excel opens, and it imports back without loss", .timeLimit(.minutes(3)))
  func excelRoundTrip() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let paths = try Self.writeTables(in: directory)
    let french = try await CLIRun.impact(["import"] + paths, daemon: daemon)
    #expect(french.status == 0, "\(french.stderr)")
    let before = try await CLIRun.impact(["export"], daemon: daemon)

    let tables = directory.path("excel")
    let exported = try await CLIRun.impact(["export", "--format", "csv", "--excel", "--to", tables], daemon: daemon)
    #expect(exported.status == 0, "\(exported.stderr)")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(tables)/projects.csv"))
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF, 0x69, 0x64, 0x3B]), "BOM then id;")
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\r\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    #expect(
      text.contains("cafe-solidaire;Café « solidaire » d’Été;Économie sociale;Île-de-France;funded;380000;3;"),
      "\(text)")
    #expect(text.contains("jardins;Jardins partagés;Insertion;Hauts-de-France;committee;12500,5;"), "\(text)")

    // Back in: as written, and as Excel saves it again (Windows-1252, no byte order mark).
    let back = try await CLIRun.impact(
      ["import", "--replace", "\(tables)/projects.csv", "\(tables)/outcomes.csv", "\(tables)/ratings.csv"],
      daemon: daemon)
    #expect(back.status == 0, "\(back.stderr)")
    let after = try await CLIRun.impact(["export"], daemon: daemon)
    #expect(Self.projects(after.stdout) == Self.projects(before.stdout))

    for name in ["projects.csv", "outcomes.csv", "ratings.csv"] {
      let path = "\(tables)/\(name)"
      let saved = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).dropFirst(3), as: UTF8.self)
      try Self.windows1252(saved).write(to: URL(fileURLWithPath: directory.path("resaved-" + name)))
    }
    let resaved = try await CLIRun.impact(
      ["import", "--replace"] + ["projects", "outcomes", "ratings"].map { directory.path("resaved-\($0).csv") },
      daemon: daemon)
    #expect(resaved.status == 0, "\(resaved.stderr)")
    let afterResave = try await CLIRun.impact(["export"], daemon: daemon)
    #expect(Self.projects(afterResave.stdout) == Self.projects(before.stdout))
    await daemon.stop()
  }

  @Test(
    "a tab-separated export and Excel's UTF-16 Unicode Text import back; a broken file gives one error",
    .timeLimit(.minutes(3)))
  func tabAndUTF16Tables() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let paths = try Self.writeTables(in: directory)
    #expect(try await CLIRun.impact(["import"] + paths, daemon: daemon).status == 0)
    let before = try await CLIRun.impact(["export"], daemon: daemon)
    let tables = directory.path("tab")
    let exported = try await CLIRun.impact(
      ["export", "--format", "csv", "--separator", "tab", "--to", tables], daemon: daemon)
    #expect(exported.status == 0, "\(exported.stderr)")
    let names = ["projects.csv", "outcomes.csv", "ratings.csv", "export.csv"]
    let back = try await CLIRun.impact(
      ["import", "--replace", "--yes"] + names.map { "\(tables)/\($0)" }, daemon: daemon)
    #expect(back.status == 0, "\(back.stdout) \(back.stderr)")
    #expect(Self.projects(try await CLIRun.impact(["export"], daemon: daemon).stdout) == Self.projects(before.stdout))

    // What Excel writes as "Texte Unicode": UTF-16LE with a byte order mark, tab-separated.
    for name in names {
      let text = try String(contentsOfFile: "\(tables)/\(name)", encoding: .utf8)
      var bytes: [UInt8] = [0xFF, 0xFE]
      for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
      try Data(bytes).write(to: URL(fileURLWithPath: directory.path("unicode-" + name)))
    }
    let unicode = try await CLIRun.impact(
      ["import", "--replace", "--yes"] + names.map { directory.path("unicode-" + $0) }, daemon: daemon)
    #expect(unicode.status == 0, "\(unicode.stdout) \(unicode.stderr)")
    #expect(!unicode.stderr.contains("UTF-8"), "\(unicode.stderr)")
    #expect(Self.projects(try await CLIRun.impact(["export"], daemon: daemon).stdout) == Self.projects(before.stdout))

    // A projects table without its id and name columns: one error for it, none for every row
    // of the outcomes and ratings that follow from it.
    let broken = directory.path("projects-broken.csv")
    try "identifier\tlabel\nx\ty\n".write(toFile: broken, atomically: true, encoding: .utf8)
    let refused = try await CLIRun.impact(
      ["import", broken, "\(tables)/outcomes.csv", "\(tables)/ratings.csv"], daemon: daemon)
    #expect(refused.status == 65, "\(refused.stdout) \(refused.stderr)")
    #expect(refused.stderr.contains("missing required column"), "\(refused.stderr)")
    #expect(!refused.stderr.contains("is required"), "\(refused.stderr)")
    #expect(!refused.stderr.contains("not a project"), "\(refused.stderr)")
    await daemon.stop()
  }

  @Test(
    "every CSV output follows --excel, --separator, --decimal-comma and --bom, without float noise",
    .timeLimit(.minutes(3)))
  func csvOutputs() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: daemon)
    #expect(imported.status == 0, "\(imported.stderr)")
    for command in [
      ["rank"], ["projects", "list"], ["portfolio"], ["coverage"], ["score", CLICommandTests.lyon],
      ["compare", CLICommandTests.lyon, CLICommandTests.lille],
    ] {
      let excel = try await CLIRun.impact(command + ["--output", "csv", "--excel"], daemon: daemon)
      #expect(excel.status == 0, "\(command): \(excel.stderr)")
      #expect(excel.stdout.hasPrefix("\u{FEFF}"), "\(command)")
      #expect(excel.stdout.contains(";"), "\(command)")
      #expect(!excel.stdout.contains(where: { $0 == "\n" }) || excel.stdout.contains("\r\n"))
      let plain = try await CLIRun.impact(command + ["--output", "csv"], daemon: daemon)
      #expect(!plain.stdout.hasPrefix("\u{FEFF}"))
      // No binary noise: no number with more than 15 significant digits.
      let noisy = plain.stdout.split(whereSeparator: { ",\r\n".contains($0) }).filter { cell in
        Double(cell) != nil && cell.filter(\.isNumber).drop(while: { $0 == "0" }).count > 15
      }
      #expect(noisy.isEmpty, "\(command): \(noisy)")
    }
    let rank = try await CLIRun.impact(["rank", "--output", "csv", "--excel"], daemon: daemon)
    let row = try #require(rank.stdout.split(separator: "\r\n").dropFirst().first)
    #expect(row.contains(",") && !row.contains("."), "decimal commas: \(row)")
    let tab = try await CLIRun.impact(["rank", "--output", "csv", "--separator", "tab", "--bom"], daemon: daemon)
    #expect(tab.stdout.hasPrefix("\u{FEFF}") && tab.stdout.contains("\t"))
    let conflict = try await CLIRun.impact(
      ["rank", "--output", "csv", "--separator", ",", "--decimal-comma"], daemon: daemon)
    #expect(conflict.status == 64, "\(conflict.stderr)")
    await daemon.stop()
  }

  /// The projects of an exported document, without its revision and date.
  static func projects(_ document: String) -> String {
    guard let start = document.range(of: "\"projects\"") else { return document }
    return String(document[start.lowerBound...])
  }
}
