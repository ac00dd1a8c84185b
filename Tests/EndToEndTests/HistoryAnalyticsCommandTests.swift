import Foundation
import Testing

/// `impact diff`, `impact trend` and `impact progress`: the real `impact` against a real
/// `impactd --demo`, reading past revisions.
@Suite("History: diff, trend and progress through the CLI", .serialized)
struct HistoryAnalyticsCommandTests {
  static let project = "accompagnement-scolaire-clermont"
  static let outcome = "scolarite-sans-rupture"

  func withDemo(_ body: (DaemonProcess) async throws -> Void) async throws {
    let directory = try TemporaryDirectory()
    let daemon = try await DaemonProcess.start(database: directory.path("impact.sqlite"), arguments: ["--demo"])
    defer { Task { await daemon.stop() } }
    try await body(daemon)
    await daemon.stop()
  }

  func json(_ arguments: [String], _ daemon: DaemonProcess) async throws -> [String: Any] {
    let run = try await CLIRun.impact(arguments + ["--output", "json"], daemon: daemon)
    #expect(run.status == 0, "\(arguments): \(run.stderr)")
    return (try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]) ?? [:]
  }

  func number(_ object: Any?, _ key: String) -> Double {
    ((object as? [String: Any])?[key] as? NSNumber)?.doubleValue ?? 0
  }

  @Test(
    "diff attributes a rating to ratings and an observation to outcome data; causes sum to the difference",
    .timeLimit(.minutes(3)))
  func diff() async throws {
    try await withDemo { daemon in
      let rate = try await CLIRun.impact(
        ["rate", Self.project, "--criterion", "systemic", "--rater", "zoe", "--value", "4"], daemon: daemon)
      #expect(rate.status == 0, "\(rate.stderr)")
      let ratingOnly = try await json(["diff", "rev:1", "--explain", Self.project], daemon)
      let changed = try #require((ratingOnly["changed"] as? [[String: Any]])?.first)
      #expect(changed["project_id"] as? String == Self.project)
      #expect(changed["changed_groups"] as? [String] == ["CAUSE_GROUP_RATINGS"])
      let attribution = changed["attribution"]
      let difference = number(changed, "rank_score_after") - number(changed, "rank_score_before")
      #expect(difference > 0)
      #expect(abs(number(attribution, "ratings") - difference) <= 1e-9)
      let explanation = try #require((ratingOnly["explanations"] as? [[String: Any]])?.first)
      #expect((explanation["scorings"] as? [Any])?.count == 16)

      let observe = try await CLIRun.impact(
        ["observe", Self.project, Self.outcome, "70", "--period", "2026-Q1"], daemon: daemon)
      #expect(observe.status == 0, "\(observe.stderr)")
      let both = try await json(["diff", "rev:1", "now"], daemon)
      let entry = try #require((both["changed"] as? [[String: Any]])?.first)
      #expect(Set(entry["changed_groups"] as? [String] ?? []) == ["CAUSE_GROUP_OUTCOME_DATA", "CAUSE_GROUP_RATINGS"])
      let parts = entry["attribution"]
      let sum = ["scheme", "outcome_data", "ratings", "evidence_and_risks"].reduce(0) { $0 + number(parts, $1) }
      #expect(abs(sum - (number(entry, "rank_score_after") - number(entry, "rank_score_before"))) <= 1e-9)
      let portfolio = both["attribution"] as? [String: Any]
      let composites = portfolio?["composites"]
      let causes =
        ["scheme", "outcome_data", "ratings", "evidence_and_risks"].reduce(0) { $0 + number(composites, $1) }
        + number(portfolio, "added") + number(portfolio, "removed") + number(portfolio, "amounts")
      let before = number(both["before"], "weighted_composite")
      let after = number(both["after"], "weighted_composite")
      #expect(abs(causes - (after - before)) <= 1e-9 && abs(number(portfolio, "total") - (after - before)) <= 1e-12)

      let table = try await CLIRun.impact(["diff", "rev:1"], daemon: daemon)
      #expect(table.status == 0)
      #expect(table.stdout.contains("Weighted composite: where the difference comes from"), "\(table.stdout)")
      #expect(table.stdout.contains("committee ratings") && table.stdout.contains("outcome data"))
      let french = try await CLIRun.impact(["diff", "rev:1", "--lang", "fr"], daemon: daemon)
      #expect(french.stdout.contains("Composite pondéré : d'où vient l'écart"), "\(french.stdout)")
      let csv = try await CLIRun.impact(["diff", "rev:1", "--output", "csv"], daemon: daemon)
      #expect(csv.stdout.contains("cause,difference\r\nscheme,0\r\n"), "\(csv.stdout)")

      let same = try await json(["diff", "rev:2", "rev:2"], daemon)
      #expect(same["changed"] == nil && same["added"] == nil && same["removed"] == nil)
      #expect(number(same["attribution"], "total") == 0)
      let fromNow = try await CLIRun.impact(["diff", "now"], daemon: daemon)
      #expect(fromNow.status == 64 && fromNow.stderr.contains("cannot be now"), "\(fromNow.stderr)")
    }
  }

  @Test(
    "diff refuses a revision beyond the current one (65), an unknown snapshot (66), a moment that is none (64)",
    .timeLimit(.minutes(3)))
  func diffErrors() async throws {
    try await withDemo { daemon in
      let future = try await CLIRun.impact(["diff", "rev:999"], daemon: daemon)
      #expect(future.status == 65 && future.stderr.contains("revision 999 does not exist"), "\(future.stderr)")
      let unknown = try await CLIRun.impact(["diff", "comite-inconnu"], daemon: daemon)
      #expect(unknown.status == 66, "\(unknown.stderr)")
      let invalid = try await CLIRun.impact(["diff", "rev:x"], daemon: daemon)
      #expect(invalid.status == 64 && invalid.stderr.contains("'rev:x' is not a moment"), "\(invalid.stderr)")
      let missing = try await CLIRun.impact(["diff", "rev:1", "--explain", "no-such-project"], daemon: daemon)
      #expect(missing.status == 66, "\(missing.stderr)")
    }
  }

  @Test("trend over named points, for the portfolio and for one project", .timeLimit(.minutes(3)))
  func trend() async throws {
    try await withDemo { daemon in
      _ = try await CLIRun.impact(
        ["rate", Self.project, "--criterion", "systemic", "--rater", "zoe", "--value", "4"], daemon: daemon)
      let project = try await CLIRun.impact(
        ["trend", "--point", "rev:1", "--point", "now", "--project", Self.project, "--output", "csv"], daemon: daemon)
      #expect(project.status == 0, "\(project.stderr)")
      let lines = project.stdout.split(separator: "\r\n")
      #expect(lines.first == "point,revision,composite,quantitative,qualitative,confidence,depth", "\(project.stdout)")
      #expect(lines.count == 3)
      let composites = lines.dropFirst().map { Double($0.split(separator: ",")[2]) ?? 0 }
      #expect(composites[1] > composites[0])
      let portfolio = try await CLIRun.impact(
        ["trend", "--point", "rev:1", "--point", "now", "--output", "csv"], daemon: daemon)
      #expect(
        portfolio.stdout.hasPrefix(
          "point,revision,weighted_composite,coverage,deep_coverage,sroi,projects,total_amount,exposure.basic_needs"),
        "\(portfolio.stdout)")
      let table = try await CLIRun.impact(["trend", "--point", "rev:1", "--point", "now"], daemon: daemon)
      #expect(table.status == 0 && table.stdout.contains("Exposure by domain"), "\(table.stdout)")
    }
  }

  @Test("progress per period: the target, the latest value and the progress to target", .timeLimit(.minutes(3)))
  func progress() async throws {
    try await withDemo { daemon in
      for (value, period) in [("62", "2026-Q1"), ("70", "2026-Q3")] {
        let observe = try await CLIRun.impact(
          ["observe", Self.project, Self.outcome, value, "--period", period, "--source", "bilan"], daemon: daemon)
        #expect(observe.status == 0, "\(observe.stderr)")
      }
      let csv = try await CLIRun.impact(
        ["progress", Self.project, "--outcome", Self.outcome, "--output", "csv"], daemon: daemon)
      #expect(csv.status == 0, "\(csv.stderr)")
      // Baseline 55 and target 85 in the demo: 62 is 7/30 of the way, 70 half of it.
      #expect(csv.stdout.contains("\(Self.outcome),overall,55,85,70,0.5,2\r\n"), "\(csv.stdout)")
      #expect(csv.stdout.contains("\(Self.outcome),2026-Q1,55,85,62,0.233333333333333,1\r\n"), "\(csv.stdout)")
      #expect(csv.stdout.contains("\(Self.outcome),2026-Q3,62") == false)
      #expect(csv.stdout.contains("\(Self.outcome),2026-Q3,70,bilan,local,"), "\(csv.stdout)")
      let french = try await CLIRun.impact(["progress", Self.project, "--lang", "fr"], daemon: daemon)
      #expect(
        french.stdout.contains("Progression vers la cible") && french.stdout.contains("23,3 %"), "\(french.stdout)")
      let unknown = try await CLIRun.impact(["progress", Self.project, "--outcome", "nope"], daemon: daemon)
      #expect(unknown.status == 66, "\(unknown.stderr)")
    }
  }
}
