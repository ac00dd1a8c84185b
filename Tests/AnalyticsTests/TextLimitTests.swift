import Analytics
import Foundation
import Testing

/// Text limits, control characters and the bound on what one validation costs (issue 11,
/// items 1, 3 and 15): every text field has a documented maximum, refused naming the field and
/// the limit, in the import formats too; control characters are refused; a request breaking a
/// million rules is refused as fast as one breaking a hundred.
@Suite("Text limits and validation cost")
struct TextLimitTests {
  static let valid = Project(
    id: "p1", name: "Épicerie solidaire – Lyon 8e 🍎", programme: "Alimentation", territory: "Auvergne-Rhône-Alpes",
    status: .funded, amount: 1000, risks: ["external": 1],
    ratings: [Rating(criterion: "who", rater: "amélie", value: 3, comment: "Très utile")],
    outcomes: [
      Outcome(id: "o1", domain: "basic_needs", indicator: "Repas servis", unit: "repas", reach: 100)
    ],
    extra: "{\n\t\"crm\": [1, 2]\r\n}")

  static let validator = Validator(scheme: .impactV1)

  struct FieldCase: Sendable, CustomTestStringConvertible {
    var field: String
    var limit: Int
    var set: @Sendable (inout Project, String) -> Void
    var testDescription: String { field }
  }

  static let fieldCases: [FieldCase] = [
    FieldCase(field: "name", limit: TextLimits.name) { $0.name = $1 },
    FieldCase(field: "programme", limit: TextLimits.programme) { $0.programme = $1 },
    FieldCase(field: "territory", limit: TextLimits.territory) { $0.territory = $1 },
    FieldCase(field: "outcomes[0].indicator", limit: TextLimits.indicator) { $0.outcomes[0].indicator = $1 },
    FieldCase(field: "outcomes[0].unit", limit: TextLimits.unit) { $0.outcomes[0].unit = $1 },
    FieldCase(field: "ratings[0].comment", limit: TextLimits.comment) { $0.ratings[0].comment = $1 },
    FieldCase(field: "extra", limit: TextLimits.extra) { $0.extra = "\"" + $1.dropFirst(2) + "\"" },
  ]

  @Test("the valid project, with accents, emoji and a JSON extra written on several lines, passes")
  func validPasses() {
    #expect(Self.validator.validate(Self.valid) == [])
  }

  @Test(
    "a text at its limit passes, one character more is refused naming the field and the limit", arguments: fieldCases)
  func overLimit(_ fieldCase: FieldCase) throws {
    var project = Self.valid
    // "é" is one code point of two UTF-8 bytes: the limit counts code points.
    fieldCase.set(&project, String(repeating: "é", count: fieldCase.limit))
    #expect(Self.validator.validate(project) == [])
    fieldCase.set(&project, String(repeating: "é", count: fieldCase.limit + 1))
    let issues = Self.validator.validate(project)
    let issue = try #require(issues.first { $0.rule == .textTooLong }, "\(issues)")
    #expect(issue.field == fieldCase.field)
    #expect(
      issue.message.contains("\(fieldCase.field) has \(fieldCase.limit + 1) characters, at most \(fieldCase.limit)"))
    #expect(issue.values["bound"] == "\(fieldCase.limit)")
  }

  @Test("ids and rater ids keep their 64-character limit")
  func identifiers() {
    var project = Self.valid
    project.id = String(repeating: "a", count: TextLimits.identifier + 1)
    project.ratings[0].rater = String(repeating: "é", count: TextLimits.identifier + 1)
    let rules = Set(Self.validator.validate(project).map(\.rule))
    #expect(rules == [.invalidID, .invalidRater])
  }

  @Test(
    "control characters, C1 controls and bidirectional overrides are refused in every text",
    arguments: [
      "\u{1B}[31mred", "a\nb", "a\rb", "tab\there", "\u{7F}", "\u{9B}31m", "\u{202E}gnp.exe", "\u{2066}x\u{2069}",
      "\u{1B}]8;;http://x\u{7}link",
    ])
  func controlCharacters(_ text: String) throws {
    for fieldCase in Self.fieldCases where fieldCase.field != "extra" {
      var project = Self.valid
      fieldCase.set(&project, "ok " + text)
      let issue = try #require(Self.validator.validate(project).first, "\(fieldCase.field)")
      #expect(issue.rule == .textControlCharacter)
      #expect(issue.field == fieldCase.field)
      #expect(issue.message.contains("U+"))
      // The message quotes the character by its code, never raw.
      #expect(!issue.message.unicodeScalars.contains(where: TextLimits.isForbidden))
    }
  }

  @Test("extra may hold JSON's whitespace between tokens but no other control character")
  func extraWhitespace() {
    var project = Self.valid
    project.extra = "{\"a\":\u{1B}1}"
    #expect(Self.validator.validate(project).map(\.rule) == [.textControlCharacter])
  }

  @Test("a value quoted in a message is escaped and cut at 40 characters")
  func quotedValues() throws {
    var project = Self.valid
    project.outcomes[0].domain = "x\nrpc finished code=OK " + String(repeating: "z", count: 10_000)
    let issue = try #require(Self.validator.validate(project).first { $0.rule == .unknownDomain })
    #expect(!issue.message.contains("\n"))
    #expect(issue.message.contains("x\\nrpc finished"))
    #expect(issue.message.count < 400)
  }

  @Test("a document's scheme labels are limited too")
  func schemeLabels() {
    var scheme = Scheme.impactV1
    scheme.domains[0].label.en = String(repeating: "l", count: TextLimits.label + 1)
    scheme.criteria[0].levels[2]?.fr = "niveau\u{202E}"
    #expect(Set(scheme.validate().map(\.rule)) == [.textTooLong, .textControlCharacter])
  }

  // MARK: - Import documents

  @Test("a JSON import document with a name over the limit is refused by the validator")
  func jsonDocument() throws {
    var project = Self.valid
    project.name = String(repeating: "n", count: 16_000)
    let data = PortfolioJSON.encode(PortfolioDocument(projects: [project]))
    let document = try PortfolioJSON.decode(data, source: "portfolio.json")
    let issues = Self.validator.validate(document)
    #expect(issues.map(\.rule) == [.textTooLong])
    #expect(issues.first?.path == "projects[p1].name")
  }

  @Test("CSV import tables with a territory holding an escape sequence are refused by the validator")
  func csvTables() throws {
    var project = Self.valid
    project.territory = "Lyon\u{1B}[2J"
    let tables = PortfolioCSV.encode([project], scheme: .impactV1)
    let projects = try PortfolioCSV.decode(
      projects: Data(tables.projects.utf8), outcomes: Data(tables.outcomes.utf8), ratings: Data(tables.ratings.utf8))
    #expect(Self.validator.validate(projects).map(\.rule) == [.textControlCharacter])
  }

  // MARK: - Cost

  @Test("a project with a million outcomes is refused on its count alone, at once")
  func millionOutcomes() {
    var project = Self.valid
    project.outcomes = Array(repeating: Outcome(id: "a", domain: ""), count: 1_000_000)
    project.risks = Dictionary(uniqueKeysWithValues: (0..<50_000).map { ("r\($0)", 9) })
    let started = ContinuousClock.now
    let error = Self.validator.validationError(for: [project])
    #expect(ContinuousClock.now - started < .seconds(1))
    #expect(error?.issues.map(\.rule) == [.outcomeCount, .tooManyRisks])
    #expect(error?.omittedCount == 0)
  }

  @Test("a batch with many problems lists the first 100 and counts the others")
  func boundedIssues() throws {
    let projects = (0..<5_000).map { index in
      var project = Self.valid
      project.id = "p\(index)"
      project.outcomes[0].domain = "nowhere"
      project.outcomes[0].share = 7
      return project
    }
    let error = try #require(Self.validator.validationError(for: projects))
    #expect(error.issues.count == Validator.maximumIssues)
    // Each project breaks three rules: unknown_domain, share_range, share_sum.
    #expect(error.totalCount == 15_000)
    #expect(error.omittedCount == 15_000 - Validator.maximumIssues)
    #expect(error.description.hasPrefix("invalid input, 15000 problems:"))
    #expect(error.description.hasSuffix("… and 14900 more"))
    #expect(Self.validator.validate(projects).count == Validator.maximumIssues)
  }

  @Test("a shape check refuses a project's lists from their sizes alone")
  func shapes() throws {
    let error = try #require(
      Self.validator.shapeError([
        ProjectShape(id: "ok", outcomes: 3, ratings: 10, risks: 2),
        ProjectShape(id: "big", outcomes: 1_000_000, ratings: 300_000, risks: 500_000),
      ]))
    #expect(error.issues.map(\.rule) == [.outcomeCount, .tooManyRatings, .tooManyRisks])
    #expect(error.issues.allSatisfy { $0.projectID == "big" })
  }

  @Test("escaped() writes every forbidden character as an escape and keeps the rest")
  func escaping() {
    #expect(TextLimits.escaped("a\nb\r\t\u{1B}[0m\u{202E}é") == "a\\nb\\r\\t\\u{1B}[0m\\u{202E}é")
    #expect(TextLimits.codePoint("\u{1B}") == "U+001B")
  }
}
