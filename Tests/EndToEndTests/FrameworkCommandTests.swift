import Foundation
import Testing

/// The organisation's framework through the real binaries, on the demo portfolio and its
/// framework: `impact framework show|set|check`, `impact map`, the roles (viewers read, admins
/// set), refusals naming the file, line and key, versions, and the impact map in the
/// committee pack.
@Suite("Framework commands", .serialized)
struct FrameworkCommandTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let demoFramework = root.appendingPathComponent("examples/demo-framework.json").path

  @Test("viewers read, check and map the demo framework in English and French", .timeLimit(.minutes(3)))
  func read() async throws {
    let directory = try TemporaryDirectory()
    let database = directory.path("impact.sqlite")
    let viewer = try await DaemonTool.createToken("vera-viewer", role: "viewer", database: database)
    let daemon = try await DaemonProcess.start(database: database, arguments: ["--auth", "on", "--demo"])
    defer { Task { await daemon.stop() } }
    let token = ["--token", viewer]

    let show = try await CLIRun.impact(["framework", "show"] + token, daemon: daemon)
    #expect(show.status == 0, "\(show.stderr)")
    #expect(show.stdout.contains("Framework — Secours et Solidarité France"), "\(show.stdout)")
    #expect(show.stdout.contains("Strategic objectives › operational objectives › activities"))
    #expect(show.stdout.contains("imp-lien-social") && show.stdout.contains("to collect"))
    let french = try await CLIRun.impact(["framework", "show", "--lang", "fr"] + token, daemon: daemon)
    #expect(
      french.stdout.contains("Impacts attendus (20)") && french.stdout.contains("à collecter"), "\(french.stdout)")
    #expect(french.stdout.contains("Lien social"))
    let csv = try await CLIRun.impact(["framework", "show", "--output", "csv"] + token, daemon: daemon)
    #expect(csv.stdout.contains("impact,indicator,name,status,owner,frequency"), "\(csv.stdout)")
    #expect(csv.stdout.contains("imp-lien-social,social.loneliness_ucla3,"))
    let document = try await CLIRun.impact(["framework", "show", "--document"] + token, daemon: daemon)
    #expect(
      document.stdout.trimmingCharacters(in: .newlines)
        == (try String(contentsOfFile: Self.demoFramework, encoding: .utf8)).trimmingCharacters(in: .newlines))

    let check = try await CLIRun.impact(["framework", "check"] + token, daemon: daemon)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("Impacts with no indicator (1)") && check.stdout.contains("imp-pouvoir-agir"))
    #expect(check.stdout.contains("Projects serving no impact of the framework (1)"))
    #expect(check.stdout.contains("appli-orientation-idf"))
    #expect(check.stdout.contains("Tiers-lieux: sites × common impacts"), "\(check.stdout)")
    let matrix = try await CLIRun.impact(
      ["framework", "check", "--programme", "Tiers-lieux", "--output", "csv"] + token, daemon: daemon)
    let rows = matrix.stdout.split(whereSeparator: \.isNewline).map(String.init)
    #expect(rows.first == "project,imp-lien-social,imp-engagement-benevole", "\(matrix.stdout)")
    // La Réunion's third place contributes to the social link, not to volunteering.
    let reunion = try #require(rows.first { $0.hasPrefix("tiers-lieu-saint-denis-reunion,") })
    #expect(reunion.hasSuffix(",") && !reunion.contains(",,"), "\(reunion)")
    let frenchCheck = try await CLIRun.impact(["framework", "check", "--lang", "fr"] + token, daemon: daemon)
    #expect(frenchCheck.stdout.contains("Indicateurs qu'aucun projet ne mesure"), "\(frenchCheck.stdout)")
    #expect(frenchCheck.stdout.contains("voulu"))
    let json = try await CLIRun.impact(["framework", "check", "--json"] + token, daemon: daemon)
    #expect(json.stdout.contains("\"gapCount\"") || json.stdout.contains("\"gap_count\""), "\(json.stdout.prefix(400))")

    let map = try await CLIRun.impact(["map", "--programme", "Tiers-lieux", "--lang", "fr"] + token, daemon: daemon)
    #expect(map.status == 0, "\(map.stderr)")
    #expect(map.stdout.contains("Carte d'impact — Tiers-lieux"))
    for stage in ["Besoins", "↳ Activités", "↳ Réalisations", "↳ Effets", "↳ Impacts", "Hypothèses"] {
      #expect(map.stdout.contains(stage), "\(stage) in \(map.stdout)")
    }
    let mapJSON = try await CLIRun.impact(["map", "--programme", "Tiers-lieux", "--json"] + token, daemon: daemon)
    #expect(mapJSON.stdout.contains("\"assumptions\""))
    let unknown = try await CLIRun.impact(["map", "--programme", "Cirque"] + token, daemon: daemon)
    #expect(unknown.status == 66 && unknown.stderr.contains("Tiers-lieux"), "\(unknown.stderr)")

    let refused = try await CLIRun.impact(["framework", "set", Self.demoFramework] + token, daemon: daemon)
    #expect(refused.status == 77, "\(refused.stderr)")
    await daemon.stop()
  }

  @Test(
    "admins set a new version; mistakes are named with file, line and key; nothing changes", .timeLimit(.minutes(3)))
  func set() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let demo = try String(contentsOfFile: Self.demoFramework, encoding: .utf8)

    let broken = directory.path("broken.json")
    try demo.replacingOccurrences(
      of: "\"indicator_id\": \"social.loneliness_ucla3\"", with: "\"indicator_id\": \"social.lonely\""
    )
    .replacingOccurrences(of: "\"domain\": \"social_link\"", with: "\"domain\": \"housing\"")
    .write(toFile: broken, atomically: true, encoding: .utf8)
    let refused = try await CLIRun.impact(["framework", "set", broken], daemon: daemon)
    #expect(refused.status == 65, "\(refused.stderr)")
    #expect(refused.stderr.contains("broken.json:"), "\(refused.stderr)")
    #expect(refused.stderr.contains("social.lonely") && refused.stderr.contains("\"housing\""), "\(refused.stderr)")
    let frenchRefusal = try await CLIRun.impact(["framework", "set", broken, "--lang", "fr"], daemon: daemon)
    #expect(frenchRefusal.stderr.contains("n'est pas dans la banque d'indicateurs"), "\(frenchRefusal.stderr)")

    let dryRun = try await CLIRun.impact(["framework", "set", Self.demoFramework, "--dry-run"], daemon: daemon)
    #expect(dryRun.status == 0 && dryRun.stdout.contains("dry run"), "\(dryRun.stdout)")
    let versions = try await CLIRun.impact(["framework", "show", "--versions", "--output", "csv"], daemon: daemon)
    #expect(versions.stdout.split(whereSeparator: \.isNewline).count == 2, "\(versions.stdout)")

    let edited = directory.path("v2.json")
    try demo.replacingOccurrences(of: "\"status\": \"wanted\"", with: "\"status\": \"collected\"")
      .write(toFile: edited, atomically: true, encoding: .utf8)
    let set = try await CLIRun.impact(["framework", "set", edited], daemon: daemon)
    #expect(set.status == 0 && set.stdout.contains("Framework set"), "\(set.stderr)")
    let listed = try await CLIRun.impact(["framework", "show", "--versions", "--output", "csv"], daemon: daemon)
    #expect(listed.stdout.split(whereSeparator: \.isNewline).count == 3, "\(listed.stdout)")
    let first = try await CLIRun.impact(["framework", "show", "--version", "1", "--document"], daemon: daemon)
    #expect(first.stdout.trimmingCharacters(in: .newlines) == demo.trimmingCharacters(in: .newlines))
    let audit = try await CLIRun.impact(["audit", "--output", "csv"], daemon: daemon)
    #expect(audit.stdout.contains("framework_set"), "\(audit.stdout)")

    // The committee pack shows the candidates' programme maps.
    let report = directory.path("committee.html")
    let committee = try await CLIRun.impact(
      ["report", "committee", "--candidate", "tiers-lieu-tulle", "-o", report, "--lang", "fr"], daemon: daemon)
    #expect(committee.status == 0, "\(committee.stderr)")
    let html = try String(contentsOfFile: report, encoding: .utf8)
    #expect(html.contains("Cartes d&#39;impact des programmes des candidats") || html.contains("Cartes d'impact"))
    #expect(html.contains("Carte d&#39;impact — Tiers-lieux") || html.contains("Carte d'impact — Tiers-lieux"))
    #expect(html.contains("toc-stage"))

    // Outcomes carry their impact through an export.
    let export = try await CLIRun.impact(["export"], daemon: daemon)
    #expect(export.stdout.contains("\"impact_id\": \"imp-lien-social\""))
    await daemon.stop()
  }

  @Test(
    "without a framework: show says how to set one, check refuses, the CIDS export asks for the organisation",
    .timeLimit(.minutes(3)))
  func none() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"))
    defer { Task { await daemon.stop() } }
    let show = try await CLIRun.impact(["framework", "show"], daemon: daemon)
    #expect(show.status == 66 && show.stderr.contains("impact framework set"), "\(show.stderr)")
    let french = try await CLIRun.impact(["framework", "show", "--lang", "fr"], daemon: daemon)
    #expect(french.stderr.contains("aucun référentiel n'est défini"), "\(french.stderr)")
    let check = try await CLIRun.impact(["framework", "check"], daemon: daemon)
    #expect(check.status == 65, "\(check.stderr)")
    let cids = try await CLIRun.impact(["export", "--format", "cids"], daemon: daemon)
    #expect(cids.status == 64 && cids.stderr.contains("--organization"), "\(cids.stderr)")
    await daemon.stop()
  }
}
