import Analytics
import Foundation
import Testing

/// Outcomes that name a bank indicator (`indicator_id`): read and written by every format,
/// refused when the id is unknown or the unit or direction disagrees with the bank.
@Suite("Outcomes using the indicator bank")
struct OutcomeIndicatorIDTests {
  static func project(_ outcome: Outcome) -> Project {
    Project(
      id: "pension-de-famille-rennes", name: "Pension de famille – Rennes", status: .funded, amount: 100_000,
      outcomes: [outcome])
  }

  static let housing = Outcome(
    id: "taux-effort", domain: "basic_needs", indicator: "Taux d'effort des résidents",
    indicatorID: "housing.cost_effort_rate", unit: "%", direction: .lowerIsBetter, baseline: 45, threshold: 33,
    actual: 38, reach: 24)

  @Test("an outcome that agrees with its bank indicator is valid, with the unit by id or by label")
  func agreeing() {
    #expect(Validator(scheme: .impactV1).validate(Self.project(Self.housing)) == [])
    var people = Outcome(
      id: "participants", domain: "social_link", indicatorID: "social.collective_activity_participants")
    people.unit = "personnes"
    #expect(Validator(scheme: .impactV1).validate(Self.project(people)) == [])
    people.unit = "People"
    #expect(Validator(scheme: .impactV1).validate(Self.project(people)) == [])
  }

  @Test("a unit the bank does not give is refused, naming both units")
  func unitMismatch() throws {
    var outcome = Self.housing
    outcome.unit = "€"
    let issues = Validator(scheme: .impactV1).validate(Self.project(outcome))
    let issue = try #require(issues.first)
    #expect(issues.count == 1)
    #expect(issue.rule == .indicatorUnit)
    #expect(issue.path == "projects[pension-de-famille-rennes].outcomes[taux-effort].unit")
    #expect(issue.message.contains("\"€\"") && issue.message.contains("housing.cost_effort_rate"))
    #expect(issue.message.contains("\"%\""))
    #expect(issue.values == ["value": "€", "indicator": "housing.cost_effort_rate", "expected": "%"])
  }

  @Test("a direction against the bank's is refused, naming both directions")
  func directionMismatch() throws {
    var outcome = Self.housing
    outcome.direction = .higherIsBetter
    outcome.threshold = 50
    let issue = try #require(Validator(scheme: .impactV1).validate(Self.project(outcome)).first)
    #expect(issue.rule == .indicatorDirection)
    #expect(issue.message.contains("higher_is_better") && issue.message.contains("lower_is_better"))
  }

  @Test("an id the bank does not have is refused, naming it")
  func unknownIndicator() throws {
    var outcome = Self.housing
    outcome.indicatorID = "housing.caviar_rate"
    let issue = try #require(Validator(scheme: .impactV1).validate(Self.project(outcome)).first)
    #expect(issue.rule == .unknownIndicator)
    #expect(issue.field == "indicator_id")
    #expect(issue.message.contains("\"housing.caviar_rate\""))
  }

  @Test("a custom indicator (no indicator_id) keeps any unit and direction")
  func custom() {
    var outcome = Self.housing
    outcome.indicatorID = nil
    outcome.unit = "€"
    #expect(Validator(scheme: .impactV1).validate(Self.project(outcome)) == [])
  }

  @Test("JSON reads and writes indicator_id after indicator")
  func json() throws {
    let document = PortfolioDocument(projects: [Self.project(Self.housing)])
    let text = String(decoding: PortfolioJSON.encode(document), as: UTF8.self)
    #expect(text.contains(#""indicator": "Taux d'effort des résidents","#))
    #expect(text.contains(#""indicator_id": "housing.cost_effort_rate""#))
    #expect(try PortfolioJSON.decode(Data(text.utf8)) == document)
  }

  @Test("CSV writes the indicator_id column only when an outcome has one, and reads it back")
  func csv() throws {
    let tables = PortfolioCSV.encode([Self.project(Self.housing)])
    #expect(tables.outcomes.split(whereSeparator: \.isNewline).first?.hasSuffix(",indicator_id,impact_id") == true)
    let read = try PortfolioCSV.decode(
      projects: Data(tables.projects.utf8), outcomes: Data(tables.outcomes.utf8), ratings: Data(tables.ratings.utf8))
    #expect(read.first?.outcomes.first?.indicatorID == "housing.cost_effort_rate")
    var custom = Self.housing
    custom.indicatorID = nil
    #expect(!PortfolioCSV.encode([Self.project(custom)]).outcomes.contains("indicator_id"))
    // The framework impact an outcome serves travels in the same pair of columns, and in JSON.
    custom.impactID = "imp-logement"
    let linked = PortfolioCSV.encode([Self.project(custom)])
    let linkedRead = try PortfolioCSV.decode(
      projects: Data(linked.projects.utf8), outcomes: Data(linked.outcomes.utf8), ratings: Data(linked.ratings.utf8))
    #expect(linkedRead.first?.outcomes.first?.impactID == "imp-logement")
    #expect(linkedRead.first?.outcomes.first?.indicatorID == nil)
    let json = PortfolioJSON.encode(PortfolioDocument(projects: [Self.project(custom)]))
    #expect(try PortfolioJSON.decode(json).projects.first?.outcomes.first?.impactID == "imp-logement")
  }
}
