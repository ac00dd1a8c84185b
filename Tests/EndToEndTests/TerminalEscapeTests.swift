import Foundation
import Testing

/// Terminal escape injection: a stored name holding ANSI and OSC sequences, a carriage return
/// or a bidirectional override is printed with those characters shown visibly (`␛`, `␍`,
/// `<U+202E>`) by every human output, never raw. The hostile text is written into the database
/// directly, as data stored before the daemon refused such characters would be: the real
/// `impactd` serves it and the real `impact` prints it.
@Suite("terminal escape injection", .serialized)
struct TerminalEscapeTests {
  static let lille = "pension-de-famille-lille"
  static let sqlite3 = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/opt/homebrew/bin/sqlite3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// `Evil ESC[31m RED ESC]0;pwned BEL ESC]8;;http://x ESC\ link ESC]8;; ESC\ CR RLO gnp.exe`, C1 CSI
  /// and an isolate, as SQL.
  static let hostileName =
    "'Evil' || char(27) || '[31mRED' || char(27) || ']0;pwned' || char(7) || char(27) || ']8;;http://attacker.example'"
    + " || char(27) || '\\link' || char(27) || ']8;;' || char(27) || '\\' || char(13) || 'Safe' || char(8238) || 'gnp.exe'"
  static let hostileProgramme =
    "'Prog' || char(155) || '2J' || char(8294) || 'iso' || char(8297) || char(127) || char(10) || 'forged line'"

  /// Whether `text` holds a character a terminal would act on.
  static func hasRawControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { scalar in
      (scalar.value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(scalar.value)
        || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
  }

  @Test(
    "projects show, list, rank and errors print control and bidi characters visibly",
    .enabled(if: sqlite3 != nil, "needs the sqlite3 command to write old data"), .timeLimit(.minutes(3)))
  func storedEscapesAreShownVisibly() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let seeding = try await DaemonProcess.start(database: database)
    let imported = try await CLIRun.impact(["import", BuiltProducts.referenceFixture.path], daemon: seeding)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(await seeding.stop() == 0)

    let update = try await CLIRun.run(
      URL(fileURLWithPath: try #require(Self.sqlite3)),
      [
        database,
        "UPDATE projects SET name = \(Self.hostileName), programme = \(Self.hostileProgramme) WHERE id = '\(Self.lille)';",
      ],
      environment: ProcessInfo.processInfo.environment)
    #expect(update.status == 0, "\(update.stderr)")

    let daemon = try await DaemonProcess.start(database: database)
    defer { Task { await daemon.stop() } }
    let json = try await CLIRun.impact(["projects", "show", Self.lille, "--json"], daemon: daemon)
    #expect(json.stdout.contains("\\u001B[31mRED"), "the stored name is hostile: \(json.stdout)")

    for arguments in [
      ["projects", "show", Self.lille], ["projects", "list"], ["rank"], ["score", Self.lille], ["scores"],
      ["projects", "list", "--wide"], ["compare", Self.lille, "chantier-insertion-lyon"],
    ] {
      let run = try await CLIRun.impact(arguments, daemon: daemon)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(!Self.hasRawControl(run.stdout), "\(arguments): \(run.stdout.debugDescription)")
      #expect(!Self.hasRawControl(run.stderr), "\(arguments): \(run.stderr.debugDescription)")
      #expect(run.stdout.contains("␛"), "\(arguments): \(run.stdout)")
    }
    let shown = try await CLIRun.impact(["projects", "show", Self.lille, "--wide"], daemon: daemon)
    #expect(
      shown.stdout.contains("Evil␛[31mRED␛]0;pwned␇␛]8;;http://attacker.example␛\\link␛]8;;␛\\␍Safe<U+202E>gnp.exe"),
      "\(shown.stdout)")
    #expect(shown.stdout.contains("Prog<U+009B>2J<U+2066>iso<U+2069>␡␊forged line"), "\(shown.stdout)")
    #expect(!shown.stdout.contains("\nforged line"), "\(shown.stdout)")

    // An error that echoes what was typed (and the daemon's own words) is escaped too.
    let missing = try await CLIRun.impact(["projects", "show", "nope\u{1B}]0;pwned\u{07}\u{202E}"], daemon: daemon)
    #expect(missing.status != 0)
    #expect(!Self.hasRawControl(missing.stderr), "\(missing.stderr.debugDescription)")

    // CSV and JSON keep the stored text for programs.
    let csv = try await CLIRun.impact(["projects", "list", "--output", "csv"], daemon: daemon)
    #expect(csv.stdout.contains("Evil\u{1B}[31mRED"), "\(csv.stdout.debugDescription)")
    await daemon.stop()
  }
}
