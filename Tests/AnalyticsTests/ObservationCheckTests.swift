import Analytics
import Foundation
import Testing

/// What an observation must be before it is recorded: a period in one of the accepted forms,
/// and a value in its indicator's plausible range unless the caller insists.
@Suite("Observation checks")
struct ObservationCheckTests {
  static let percent = Outcome(
    id: "taux", domain: "employment", unit: "%", direction: .higherIsBetter, baseline: 10, threshold: 50)
  static let people = Outcome(id: "personnes", domain: "basic_needs", unit: "personnes", baseline: 0, target: 40)
  static let points = Outcome(
    id: "ecart", domain: "health", unit: "points", direction: .higherIsBetter, baseline: -5, threshold: 2)

  @Test(
    "accepted periods, in their canonical spelling",
    arguments: [
      ("2026", "2026"), ("2026-S1", "2026-S1"), ("2026-s2", "2026-S2"), ("2026-Q3", "2026-Q3"), ("2026-q4", "2026-Q4"),
      ("2026-07", "2026-07"), ("2026-01-01", "2026-01-01"), ("2024-02-29", "2024-02-29"),
      ("2026-01-01/2026-06-30", "2026-01-01/2026-06-30"), (" 2026-Q1 ", "2026-Q1"), ("", ""),
    ])
  func acceptedPeriods(text: String, canonical: String) {
    #expect(ObservationPeriod.canonical(text) == canonical)
  }

  @Test(
    "refused periods",
    arguments: [
      "T3 2026", "Q3", "2026-Q5", "2026-S3", "2026-13", "2026-00", "2026-02-30", "2025-02-29", "26", "2026/07",
      "2026-06-30/2026-01-01", "2026-01-01/2026-13-01", "2026-+1", "sept. 2026", "2026-7", "2026-01-01/",
    ])
  func refusedPeriods(text: String) throws {
    #expect(ObservationPeriod.canonical(text) == nil)
    let issues = ObservationCheck(projectID: "p1", outcome: Self.people).issues(value: 3, period: text)
    let issue = try #require(issues.first)
    #expect(issue.rule == .observationPeriod)
    #expect(issue.field == "period")
    #expect(
      issue.message.contains(text) && issue.message.contains("2026-S1")
        && issue.message.contains("2026-01-01/2026-06-30"))
  }

  @Test(
    "a period that starts after today is refused unless forced",
    arguments: [
      ("2031", false), ("2026-12", false), ("2026-11-29", false), ("2026-Q4", true), ("2026-S2", true),
      ("2026-11-28", true),
      ("2026-11-01/2027-01-31", true), ("2026", true),
    ])
  func futurePeriods(period: String, accepted: Bool) throws {
    // 2026-11-28 at noon, UTC.
    let today = Date(timeIntervalSince1970: 1_795_867_200)
    let issues = ObservationCheck(projectID: "p1", outcome: Self.people, now: today).issues(value: 3, period: period)
    #expect(issues.isEmpty == accepted, "\(period): \(issues)")
    if !accepted { #expect(issues.map(\.rule) == [.observationFuturePeriod]) }
    let forced = ObservationCheck(projectID: "p1", outcome: Self.people, acceptOutOfRange: true, now: today)
    #expect(forced.issues(value: 3, period: period).isEmpty)
  }

  @Test(
    "a percentage lies in 0–100",
    arguments: [(-4.0, false), (0, true), (33.5, true), (100, true), (100.5, false), (335, false)])
  func percentages(value: Double, accepted: Bool) {
    let issues = ObservationCheck(projectID: "p1", outcome: Self.percent).issues(value: value, period: "2026-Q3")
    #expect(issues.isEmpty == accepted, "\(issues)")
    if !accepted {
      #expect(issues.map(\.rule) == [.observationPercentRange])
      #expect(issues.first?.path == "projects[p1].outcomes[taux].value")
    }
  }

  @Test("a value is not negative unless the indicator's own figures are")
  func negatives() {
    #expect(
      ObservationCheck(projectID: "p1", outcome: Self.people).issues(value: -1, period: "").map(\.rule) == [
        .observationNegative
      ])
    #expect(ObservationCheck(projectID: "p1", outcome: Self.people).issues(value: 1250, period: "").isEmpty)
    #expect(ObservationCheck(projectID: "p1", outcome: Self.points).issues(value: -3, period: "").isEmpty)
  }

  @Test("accepting out-of-range values lifts the range, not the period")
  func forced() {
    let check = ObservationCheck(projectID: "p1", outcome: Self.percent, acceptOutOfRange: true)
    #expect(check.issues(value: -4, period: "2026").isEmpty)
    #expect(check.issues(value: 120, period: "T3").map(\.rule) == [.observationPeriod])
  }

  @Test(
    "rater ids take letters of any alphabet, not spaces",
    arguments: [
      ("Amélie", true), ("zoë.martin", true), ("José-María_2", true), ("Ådne", true), ("amel", true),
      ("Amel B.", false), ("", false), ("a/b", false), (String(repeating: "é", count: 65), false),
    ])
  func raters(rater: String, valid: Bool) {
    #expect(IdentifierSyntax.isValidRater(rater) == valid)
  }
}
