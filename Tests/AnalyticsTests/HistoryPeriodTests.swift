import Analytics
import Foundation
import Testing

@Suite("History: periods, targets and progress")
struct HistoryPeriodTests {
  static let accepted: [(String, Period.Kind, String, String, String)] = [
    ("2026", .year, "2026", "2026-01-01", "2026-12-31"),
    ("2026-S1", .half, "2026-S1", "2026-01-01", "2026-06-30"),
    ("2026-s2", .half, "2026-S2", "2026-07-01", "2026-12-31"),
    ("2026-Q1", .quarter, "2026-Q1", "2026-01-01", "2026-03-31"),
    ("2026-q3", .quarter, "2026-Q3", "2026-07-01", "2026-09-30"),
    ("2026-Q4", .quarter, "2026-Q4", "2026-10-01", "2026-12-31"),
    ("2026-07", .month, "2026-07", "2026-07-01", "2026-07-31"),
    ("2024-02", .month, "2024-02", "2024-02-01", "2024-02-29"),
    ("2026-02", .month, "2026-02", "2026-02-01", "2026-02-28"),
    (" 2026-01-15 ", .day, "2026-01-15", "2026-01-15", "2026-01-15"),
    ("2026-01-01/2026-06-30", .range, "2026-01-01/2026-06-30", "2026-01-01", "2026-06-30"),
    ("2026-03-01/2026-03-01", .range, "2026-03-01/2026-03-01", "2026-03-01", "2026-03-01"),
  ]

  @Test("accepted periods, their kind, canonical text and days", arguments: accepted.indices)
  func accepts(index: Int) throws {
    let (text, kind, canonical, start, end) = Self.accepted[index]
    let period = try Period(parsing: text)
    #expect(period.kind == kind)
    #expect(period.text == canonical)
    #expect(period.start.description == start)
    #expect(period.end.description == end)
  }

  static let refused: [(String, PeriodError.Reason)] = [
    ("", .invalid), ("T3 2026", .invalid), ("Q3", .invalid), ("sept.", .invalid), ("2026-S3", .invalid),
    ("2026-Q5", .invalid), ("2026-Q0", .invalid), ("2026-13", .invalid), ("2026-00", .invalid), ("2026-7", .invalid),
    ("26", .invalid), ("0999", .invalid), ("2026-02-30", .noSuchDay), ("2025-02-29", .noSuchDay),
    ("2026-06-30/2026-01-01", .reversed), ("2026-01-01/", .invalid), ("2026/2027", .invalid),
    ("2026-01-01/2026-02-01/2026-03-01", .invalid), ("2026-W12", .invalid), ("２０２６", .invalid),
  ]

  @Test("refused periods, with a reason whose text names the accepted forms", arguments: refused.indices)
  func refuses(index: Int) {
    let (text, reason) = Self.refused[index]
    #expect(throws: PeriodError.self) { try Period(parsing: text) }
    do {
      _ = try Period(parsing: text)
    } catch {
      #expect(error.reason == reason)
      #expect(error.key == "period.\(reason.rawValue)")
      #expect(error.values["allowed"] == Period.acceptedForms)
      #expect(error.description.contains("2026-Q3"))
    }
  }

  @Test("periods order by first day then last day; containment")
  func ordering() throws {
    let texts = ["2026-Q3", "2026", "2025-12", "2026-Q1", "2026-S1", "2026-07-15", "2026-01-01/2026-01-31"]
    let sorted = try texts.map { try Period(parsing: $0) }.sorted().map(\.text)
    #expect(sorted == ["2025-12", "2026-01-01/2026-01-31", "2026-Q1", "2026-S1", "2026", "2026-Q3", "2026-07-15"])
    let year = try Period(parsing: "2026")
    #expect(year.contains(try Period(parsing: "2026-Q3")))
    #expect(!(try Period(parsing: "2026-Q3")).contains(year))
    #expect(year.contains(CalendarDay(year: 2026, month: 12, day: 31)!))
    #expect(!year.contains(CalendarDay(year: 2027, month: 1, day: 1)!))
    #expect(CalendarDay(year: 2026, month: 2, day: 29) == nil)
  }

  @Test("the plausible range of an observation, with its reason")
  func plausible() {
    let percent = Outcome(id: "o", domain: "health", unit: "%", baseline: 10, threshold: 50)
    let count = Outcome(id: "o", domain: "health", unit: "people", baseline: 10, threshold: 50)
    let signed = Outcome(id: "o", domain: "health", unit: "balance", baseline: -10, threshold: 50)
    #expect(PlausibleRange.check(100, for: percent) == nil)
    #expect(PlausibleRange.check(0, for: percent) == nil)
    #expect(PlausibleRange.check(100.5, for: percent) == .percentageOutOfRange)
    #expect(PlausibleRange.check(-1, for: percent) == .percentageOutOfRange)
    #expect(PlausibleRange.check(-1, for: count) == .negativeCount)
    #expect(PlausibleRange.check(1e9, for: count) == nil)
    #expect(PlausibleRange.check(-1, for: signed) == nil)
    #expect(PlausibleRange.check(.nan, for: signed) == .notFinite)
  }

  static func at(_ day: Int) -> Date { Date(timeIntervalSince1970: Double(day) * 86_400) }

  @Test("progress per period: targets of their own or the outcome's, observations within, latest, progress")
  func progress() throws {
    var outcome = Outcome(
      id: "emploi", domain: "employment", unit: "%", direction: .higherIsBetter, baseline: 20,
      threshold: 50, target: 60)
    outcome.targets = [PeriodTarget(period: "2026", value: 40), PeriodTarget(period: "2026-s1", value: 30)]
    let observations = [
      ProgressObservation(value: 35, period: "2026-Q3", source: "survey", recordedBy: "amel", recordedAt: Self.at(300)),
      ProgressObservation(
        value: 25, period: "2026-Q1", source: "report", recordedBy: "bruno", recordedAt: Self.at(100)),
      ProgressObservation(value: 28, period: "2026-Q2", recordedBy: "amel", recordedAt: Self.at(200)),
      ProgressObservation(value: 22, period: "", recordedBy: "chloe", recordedAt: Self.at(50)),
    ]
    let progress = OutcomeProgress(outcome: outcome, observations: observations)
    #expect(progress.periods.map(\.period) == ["2026-Q1", "2026-S1", "2026", "2026-Q2", "2026-Q3", ""])
    let year = try #require(progress.periods.first { $0.period == "2026" })
    #expect(year.target == 40 && year.targetSource == .period)
    #expect(year.observations.map(\.value) == [25, 28, 35])
    #expect(year.latest?.value == 35)
    #expect(year.progress == (35 - 20) / (40 - 20.0))
    let half = try #require(progress.periods.first { $0.period == "2026-S1" })
    #expect(half.observations.map(\.value) == [25, 28])
    #expect(half.progress == (28 - 20) / (30 - 20.0))
    let q3 = try #require(progress.periods.first { $0.period == "2026-Q3" })
    #expect(q3.target == 60 && q3.targetSource == .outcome)
    #expect(q3.progress == (35 - 20) / (60 - 20.0))
    #expect(q3.latest?.source == "survey" && q3.latest?.recordedBy == "amel")
    let loose = try #require(progress.periods.last)
    #expect(loose.period == "" && loose.observations.map(\.value) == [22])
    #expect(progress.latest?.value == 35)
    #expect(progress.progress == (35 - 20) / (60 - 20.0))
  }

  @Test("progress without a baseline, target or observation is absent, not zero")
  func progressAbsent() {
    let outcome = Outcome(id: "o", domain: "health", baseline: nil, target: 10)
    let progress = OutcomeProgress(
      outcome: outcome,
      observations: [
        ProgressObservation(value: 5, period: "2026", recordedBy: "a", recordedAt: Self.at(1))
      ])
    #expect(progress.progress == nil && progress.periods.first?.progress == nil)
    #expect(OutcomeProgress(outcome: Outcome(id: "o", domain: "health"), observations: []).periods.isEmpty)
  }

  static var projectWithTargets: Project {
    var project = sampleProject(id: "cibles")
    project.outcomes[0].targets = [
      PeriodTarget(period: "2026", value: 40.5), PeriodTarget(period: "2026-S1", value: 20),
    ]
    return project
  }

  @Test("targets per period round-trip through the JSON format")
  func json() throws {
    let document = PortfolioDocument(projects: [Self.projectWithTargets])
    let data = PortfolioJSON.encode(document)
    #expect(
      String(decoding: data, as: UTF8.self).contains(#""targets":[{"period":"2026","value":40.5}"#)
        || String(decoding: data, as: UTF8.self).contains("\"targets\""))
    let read = try PortfolioJSON.decode(data)
    #expect(read.projects[0].outcomes[0].targets == Self.projectWithTargets.outcomes[0].targets)
    #expect(read.projects[0] == Self.projectWithTargets)
  }

  @Test("a target without its period or value, or with an unknown key, is refused by the JSON reader")
  func jsonShape() {
    let text = #"""
      {"format": "impact-portfolio/1", "projects": [{"id": "p", "name": "P", "outcomes": [
        {"id": "o", "domain": "health", "targets": [{"period": "2026"}, {"value": 3, "when": "x"}]}]}]}
      """#
    #expect(throws: FormatError.self) { try PortfolioJSON.decode(Data(text.utf8)) }
  }

  @Test(
    "targets per period round-trip through the CSV outcomes table, with a decimal comma too",
    arguments: [CSVDialect.standard, .excel])
  func csv(dialect: CSVDialect) throws {
    let tables = PortfolioCSV.encode([Self.projectWithTargets], dialect: dialect)
    #expect(tables.outcomes.contains(PortfolioCSV.targetsColumn))
    #expect(tables.outcomes.contains(dialect.decimalComma ? "2026=40,5|2026-S1=20" : "2026=40.5|2026-S1=20"))
    let read = try PortfolioCSV.decode(
      projects: Data(tables.projects.utf8), outcomes: Data(tables.outcomes.utf8), ratings: Data(tables.ratings.utf8))
    #expect(read[0].outcomes[0].targets == Self.projectWithTargets.outcomes[0].targets)
    // Without targets the table has no targets column: earlier exports are unchanged.
    #expect(!PortfolioCSV.encode([sampleProject()], dialect: dialect).outcomes.contains(PortfolioCSV.targetsColumn))
  }

  @Test("a targets cell that is not period=value pairs is refused with its column")
  func csvRefused() {
    let tables = PortfolioCSV.encode([Self.projectWithTargets])
    let broken = tables.outcomes.replacingOccurrences(of: "2026=40.5|2026-S1=20", with: "2026:40")
    #expect(throws: FormatError.self) {
      try PortfolioCSV.decode(
        projects: Data(tables.projects.utf8), outcomes: Data(broken.utf8), ratings: Data(tables.ratings.utf8))
    }
  }

  @Test("the validator refuses a target period that is no period, and a period given twice")
  func validation() {
    var project = sampleProject(id: "cibles")
    project.outcomes[0].targets = [
      PeriodTarget(period: "T3 2026", value: 1), PeriodTarget(period: "2026", value: 2),
      PeriodTarget(period: "2026", value: 3), PeriodTarget(period: "2026-Q1", value: .infinity),
    ]
    let issues = Validator(scheme: .impactV1).validate(project)
    let rules = issues.map(\.rule)
    #expect(rules.contains(.targetPeriod))
    #expect(rules.contains(.duplicateTargetPeriod))
    #expect(rules.contains(.nonFiniteNumber))
    let period = issues.first { $0.rule == .targetPeriod }
    #expect(period?.field == "targets[0].period")
    #expect(period?.message.contains("2026-Q3") == true)
    #expect(Validator(scheme: .impactV1).validate(Self.projectWithTargets).isEmpty)
  }
}
