import Foundation
import Testing

/// `impact report` against a real `impactd --demo`: whole reports compared with golden files in
/// both languages, byte-identical output for the same data, the chart data, and the message
/// when no Chromium is there to print a PDF.
///
/// Golden files: `Tests/EndToEndTests/Golden/report-*.html`; `IMPACT_UPDATE_GOLDEN=1` rewrites
/// them (open them in a browser to review).
@Suite("impact report", .serialized)
struct ReportCommandTests {
  static let generatedAt = "2026-06-30T09:00:00Z"

  static let reports: [(golden: String, arguments: [String])] = [
    ("report-portfolio-en.html", ["report", "portfolio", "--lang", "en"]),
    ("report-portfolio-fr.html", ["report", "portfolio", "--lang", "fr"]),
    ("report-project-fr.html", ["report", "project", "bus-sante-nievre", "--lang", "fr"]),
    (
      "report-committee-en.html",
      [
        "report", "committee", "--candidate", "mediation-sante-montpellier", "--candidate", "soutien-parentalite-dijon",
        "--lang", "en",
      ]
    ),
  ]

  @Test("whole reports on the demo portfolio match their golden files, twice over", .timeLimit(.minutes(3)))
  func goldenReports() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    for report in Self.reports {
      let first = directory.path("first-" + report.golden)
      let second = directory.path("second-" + report.golden)
      for path in [first, second] {
        let run = try await CLIRun.impact(
          report.arguments + ["-o", path, "--generated-at", Self.generatedAt], daemon: daemon)
        #expect(run.status == 0, "\(report.arguments): \(run.stderr)")
      }
      let html = try String(contentsOfFile: first, encoding: .utf8)
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)),
        "\(report.golden) differs between two runs")
      #expect(!html.contains("<script"), "a report needs no script")
      #expect(
        !html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url(http"),
        "a report fetches nothing")
      try CLIGolden.check(html, daemon: daemon, name: report.golden)
    }
    await daemon.stop()
  }

  @Test("--data writes every chart's numbers; the page's figures are the portfolio's", .timeLimit(.minutes(3)))
  func chartData() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let run = try await CLIRun.impact(
      [
        "report", "portfolio", "-o", directory.path("p.html"), "--data", directory.path("p.json"), "--status", "funded",
      ], daemon: daemon)
    #expect(run.status == 0, "\(run.stderr)")
    let object = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: directory.path("p.json"))))
    let document = try #require(object as? [String: Any])
    #expect(document["format"] as? String == "impact-report-data/1")
    let charts = try #require(document["charts"] as? [String: Any])
    #expect(Set(charts.keys).isSuperset(of: ["heatmap", "exposure", "classes", "ranking", "bubble", "pareto"]))
    let portfolio = try await CLIRun.impact(["portfolio", "--json", "--status", "funded"], daemon: daemon)
    let summary = try #require(
      (try JSONSerialization.jsonObject(with: Data(portfolio.stdout.utf8)) as? [String: Any])?["summary"]
        as? [String: Any])
    let ranking = try #require(charts["ranking"] as? [String: Any])
    #expect((ranking["rows"] as? [Any])?.count == (summary["projects"] as? Int))
    let html = try String(contentsOfFile: directory.path("p.html"), encoding: .utf8)
    #expect(html.contains("selection: --status funded"))
    await daemon.stop()
  }

  @Test("--pdf without Chromium says how to install it and exits 69, after writing the page", .timeLimit(.minutes(3)))
  func noChromium() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let run = try await CLIRun.impact(
      [
        "report", "portfolio", "-o", directory.path("p.html"), "--pdf", directory.path("p.pdf"), "--server",
        daemon.address,
      ],
      environment: ["IMPACT_CHROMIUM": directory.path("no-such-chromium")])
    #expect(run.status == 69, "\(run.status) \(run.stderr)")
    #expect(run.stderr.contains("apt-get install chromium"))
    #expect(FileManager.default.fileExists(atPath: directory.path("p.html")))
    #expect(!FileManager.default.fileExists(atPath: directory.path("p.pdf")))
    let badTime = try await CLIRun.impact(
      ["report", "portfolio", "-o", directory.path("q.html"), "--generated-at", "yesterday"], daemon: daemon)
    #expect(badTime.status == 64)
    await daemon.stop()
  }

  @Test("--since draws the changes since an earlier revision, with the attribution waterfall", .timeLimit(.minutes(3)))
  func changesSince() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let rated = try await CLIRun.impact(
      ["rate", "bus-sante-nievre", "--criterion", "who", "--rater", "amel", "--value", "4"], daemon: daemon)
    #expect(rated.status == 0, "\(rated.stderr)")
    let run = try await CLIRun.impact(
      [
        "report", "portfolio", "-o", directory.path("p.html"), "--data", directory.path("p.json"), "--since", "rev:1",
        "--lang", "en",
      ],
      daemon: daemon)
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOfFile: directory.path("p.html"), encoding: .utf8)
    #expect(html.contains("Changes since rev:1"))
    #expect(html.contains("id=\"chart-attribution\""))
    #expect(html.contains("Bus santé – Nièvre"))
    let data = try String(contentsOfFile: directory.path("p.json"), encoding: .utf8)
    #expect(data.contains("\"attribution\""))
    // A word that is not a revision or a date names a snapshot, as with --at.
    let refused = try await CLIRun.impact(
      ["report", "portfolio", "-o", directory.path("q.html"), "--since", "no-such-snapshot"], daemon: daemon)
    #expect(refused.status == 66)
    #expect(refused.stderr.contains("no-such-snapshot"))
    await daemon.stop()
  }

  @Test("--at draws the portfolio and a project sheet as they were, without a what-if", .timeLimit(.minutes(3)))
  func reportsOfThePast() async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    let before = try await CLIRun.impact(["portfolio", "--output", "json"], daemon: daemon)
    let snapshot = try await CLIRun.impact(["snapshot", "create", "comite-mars"], daemon: daemon)
    #expect(snapshot.status == 0, "\(snapshot.stderr)")
    let deleted = try await CLIRun.impact(["projects", "delete", "bus-sante-nievre"], daemon: daemon)
    #expect(deleted.status == 0, "\(deleted.stderr)")
    let run = try await CLIRun.impact(
      [
        "report", "portfolio", "-o", directory.path("past.html"), "--data", directory.path("past.json"), "--at",
        "comite-mars",
        "--lang", "en", "--generated-at", "2026-06-30T09:00:00Z",
      ],
      daemon: daemon)
    #expect(run.status == 0, "\(run.stderr)")
    let html = try String(contentsOfFile: directory.path("past.html"), encoding: .utf8)
    // The deleted project is still in the portfolio of the snapshot, with its figures then.
    #expect(html.contains("Bus santé – Nièvre"))
    let figures = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
    let summary = (figures["summary"] as? [String: Any]) ?? figures
    if let count = summary["project_count"] ?? summary["projectCount"] {
      #expect(html.contains(">\(count)<"), "\(count)")
    }
    let sheet = try await CLIRun.impact(
      ["report", "project", "bus-sante-nievre", "-o", directory.path("sheet.html"), "--at", "comite-mars"],
      daemon: daemon)
    // The project is gone now: its sheet of the past still needs its id known today.
    #expect(sheet.status == 0 || sheet.status == 66, "\(sheet.stderr)")
    let now = try await CLIRun.impact(
      [
        "report", "portfolio", "-o", directory.path("now.html"), "--lang", "en", "--generated-at",
        "2026-06-30T09:00:00Z",
      ], daemon: daemon)
    #expect(now.status == 0, "\(now.stderr)")
    let today = try String(contentsOfFile: directory.path("now.html"), encoding: .utf8)
    #expect(!today.contains("Bus santé – Nièvre"))
    await daemon.stop()
  }
}
