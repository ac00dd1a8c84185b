import Analytics
import Foundation
import Testing

/// A document with what the format must carry exactly: text in any script, absent and present
/// optionals, numbers that have no short decimal form, an embedded scheme.
private func edgeCaseDocument() -> PortfolioDocument {
  var scheme = Scheme.impactV1
  scheme.id = "impact-v1-logement"
  scheme.domains.append(
    Domain(
      id: "housing", strategic: false,
      label: LocalizedText(fr: "Logement d'abord", en: "Housing first")))
  scheme.criteria[0].levels[2] = LocalizedText(fr: "Même texte", en: "Même texte")
  scheme.criteria[3].levels = [:]
  let everyField = Outcome(
    id: "o.1", domain: "housing", share: 0.1,
    indicator: "Taux d'accès « durable » \"cité\"\n2e ligne\t😀",
    unit: "", direction: .lowerIsBetter, baseline: 0.3, threshold: 1e-7, target: -0.0,
    actual: 123_456_789.123,
    survey: Survey(veryMuch: 1.0 / 3.0, slightly: 0), reach: 1e21, durationYears: 50,
    dropOff: 5e-324,
    deadweight: 0.1 + 0.2, attribution: 1, displacement: 0, financialProxy: 0.000_1, harmful: true,
    nature: .mitigation)
  let bare = Outcome(id: "o_2", domain: "health", share: 0.9)
  return PortfolioDocument(
    scheme: scheme,
    projects: [
      Project(
        id: "projet-été", name: "L'Été – « Solidaire » \\ \u{01}", programme: "Économie sociale",
        territory: "Île-de-France", status: .rejected, amount: 0.5, evidenceLevel: 5,
        risks: ["external": 0, "unexpected_impact": 3, "zz-custom": 2],
        ratings: [
          Rating(criterion: "who", rater: "amel", value: 2.5, comment: "Très « bien »\nvraiment"),
          Rating(criterion: "what", rater: "bruno", value: 0, comment: ""),
        ],
        outcomes: [everyField, bare],
        extra: #"{"crm": {"id": 42, "tags": ["a", "é", null, true]}, "empty": [], "x": 1.50}"#),
      Project(id: "minimal", name: "Minimal", outcomes: [Outcome(id: "o", domain: "health")]),
      Project(
        id: "extra-scalar", name: "Scalar extra", outcomes: [Outcome(id: "o", domain: "health")],
        extra: "\"texte\""),
    ])
}

@Suite("Portfolio JSON edge cases and errors")
struct PortfolioJSONEdgeCaseTests {
  @Test(
    "edge cases survive a round trip: accents, quotes, control characters, numbers, absent and present optionals"
  )
  func edgeCaseRoundTrip() throws {
    let document = edgeCaseDocument()
    let encoded = PortfolioJSON.encode(document)
    let decoded = try PortfolioJSON.decode(encoded, source: "edge.json")
    #expect(decoded == document)
    #expect(decoded.projects[0].outcomes[0].target?.sign == .minus)
    #expect(decoded.projects[1].evidenceLevel == nil)
    #expect(decoded.projects[1].outcomes[0].share == nil)
    #expect(decoded.projects[0].ratings[1].comment == "")
    #expect(PortfolioJSON.encode(decoded) == encoded)
  }

  @Test("output writes only present fields and integers without a fraction")
  func outputShape() throws {
    let text = String(decoding: PortfolioJSON.encode(edgeCaseDocument()), as: UTF8.self)
    let minimal =
      #"{"id": "minimal", "name": "Minimal", "status": "pipeline", "amount": 0, "outcomes": [{"id": "o", "domain": "health"}]}"#
    #expect(!text.contains(minimal))  // too long for one line, so it is written over several
    #expect(text.contains(#""id": "minimal""#))
    #expect(text.contains(#""evidence_level": 5"#))
    #expect(text.contains(#""duration_years": 50"#))
    #expect(text.contains(#""reach": 1e+21"#))
    #expect(!text.contains("programme\": \"\""))
    #expect(
      text.contains(
        #""extra": {"crm": {"id": 42, "tags": ["a", "é", null, true]}, "empty": [], "x": 1.50}"#))
  }

  @Test("extra is kept verbatim, with its spacing and number spelling")
  func extraVerbatim() throws {
    let json = """
      {"format": "impact-portfolio/1", "projects": [
        {"id": "p", "name": "n", "outcomes": [{"id": "o", "domain": "health"}],
         "extra": {"b" : [1, 2.50, {"c": null}],
                   "a": "é\\u00e9"}}]}
      """
    let document = try PortfolioJSON.decode(Data(json.utf8))
    #expect(
      document.projects[0].extra
        == "{\"b\" : [1, 2.50, {\"c\": null}],\n             \"a\": \"é\\u00e9\"}")
    let again = try PortfolioJSON.decode(PortfolioJSON.encode(document))
    #expect(again == document)
  }

  @Test("a byte order mark is accepted")
  func byteOrderMark() throws {
    let json = "\u{FEFF}{\"format\": \"impact-portfolio/1\", \"projects\": []}"
    let document = try PortfolioJSON.decode(Data(json.utf8))
    #expect(document.projects.isEmpty)
  }

  struct ErrorCase: Sendable, CustomTestStringConvertible {
    var name: String
    var json: String
    var line: Int
    var column: Int
    var path: String?
    var message: String
    var testDescription: String { name }
  }

  static let errorCases: [ErrorCase] = [
    ErrorCase(
      name: "unknown key",
      json:
        "{\"format\": \"impact-portfolio/1\", \"projects\": [\n{\"id\": \"p\", \"name\": \"n\", \"outcomes\": [\n{\"id\": \"o\", \"domain\": \"health\", \"thresold\": 5}]}]}",
      line: 3, column: 33, path: "projects[0].outcomes[0].thresold",
      message: "unknown key \"thresold\""),
    ErrorCase(
      name: "duplicate key",
      json: "{\"format\": \"impact-portfolio/1\",\n \"projects\": [], \"format\": \"x\"}",
      line: 2, column: 18, path: nil, message: "duplicate key \"format\""),
    ErrorCase(
      name: "number out of range",
      json:
        "{\"format\": \"impact-portfolio/1\", \"projects\": [\n  {\"id\": \"p\", \"name\": \"Crèche\", \"amount\": 1e999}]}",
      line: 2, column: 43, path: "projects[0].amount", message: "number 1e999 is out of range"),
    ErrorCase(
      name: "integer required",
      json:
        "{\"format\": \"impact-portfolio/1\", \"projects\": [{\"id\": \"p\", \"name\": \"n\", \"evidence_level\": 2.5}]}",
      line: 1, column: 90, path: "projects[0].evidence_level",
      message: "expected an integer, found 2.5"),
    ErrorCase(
      name: "integer risk",
      json:
        "{\"format\": \"impact-portfolio/1\", \"projects\": [{\"id\": \"p\", \"name\": \"n\", \"risks\": {\"external\": 1.5}}]}",
      line: 1, column: 94, path: "projects[0].risks.external", message: "expected an integer"),
    ErrorCase(
      name: "wrong type",
      json:
        "{\"format\": \"impact-portfolio/1\", \"projects\": [{\"id\": \"p\", \"name\": \"n\", \"amount\": \"300\"}]}",
      line: 1, column: 82, path: "projects[0].amount", message: "expected a number, found a string"),
    ErrorCase(
      name: "unknown status",
      json:
        "{\"format\": \"impact-portfolio/1\", \"projects\": [{\"id\": \"p\", \"name\": \"n\", \"status\": \"active\"}]}",
      line: 1, column: 82, path: "projects[0].status", message: "\"active\" is not one of: pipeline"
    ),
    ErrorCase(
      name: "missing name",
      json: "{\"format\": \"impact-portfolio/1\", \"projects\": [{\"id\": \"p\"}]}",
      line: 1, column: 47, path: "projects[0].name", message: "missing required key \"name\""),
    ErrorCase(
      name: "wrong format", json: "{\"format\": \"impact-portfolio/3\", \"projects\": []}",
      line: 1, column: 12, path: "format", message: "unsupported format \"impact-portfolio/3\""),
    ErrorCase(
      name: "trailing comma", json: "{\"format\": \"impact-portfolio/1\", \"projects\": [],}",
      line: 1, column: 49, path: nil, message: "expected a key"),
    ErrorCase(
      name: "line break in a string", json: "{\"format\": \"impact-portfolio/1\n",
      line: 1, column: 31, path: nil, message: "control character in a string"),
    ErrorCase(
      name: "leading zero",
      json: "{\"format\": \"impact-portfolio/1\", \"projects\": [{\"amount\": 012}]}",
      line: 1, column: 58, path: nil, message: "leading zeros"),
    ErrorCase(
      name: "NaN literal",
      json: "{\"format\": \"impact-portfolio/1\", \"projects\": [{\"amount\": NaN}]}",
      line: 1, column: 58, path: nil, message: "expected a value"),
    ErrorCase(
      name: "unterminated string", json: "{\"format\": \"impact-portfolio/1",
      line: 1, column: 12, path: nil, message: "unterminated string"),
    ErrorCase(name: "empty", json: "  ", line: 1, column: 3, path: nil, message: "empty"),
    ErrorCase(
      name: "text after the document",
      json: "{\"format\": \"impact-portfolio/1\", \"projects\": []} x",
      line: 1, column: 50, path: nil, message: "after the end of the document"),
  ]

  @Test("errors name source, line, column and key path", arguments: errorCases)
  func errorLocation(_ errorCase: ErrorCase) throws {
    let error = try #require(throws: FormatError.self) {
      try PortfolioJSON.decode(Data(errorCase.json.utf8), source: "portfolio.json")
    }
    #expect(error.source == "portfolio.json")
    #expect(error.line == errorCase.line)
    #expect(error.column == errorCase.column)
    if let path = errorCase.path { #expect(error.path == path) }
    #expect(error.message.contains(errorCase.message), "message: \(error.message)")
    #expect(error.description.hasPrefix("portfolio.json:\(errorCase.line):\(errorCase.column): "))
  }

  @Test("every problem of content is reported, not only the first")
  func collectsProblems() throws {
    let json = """
      {"format": "impact-portfolio/1", "projects": [
        {"id": "a", "name": "A", "amount": "x", "outcomes": [{"id": "o", "domain": "health", "reach": true}]},
        {"id": "b", "nom": "B", "evidence_level": 1.5}
      ]}
      """
    let error = try #require(throws: FormatError.self) { try PortfolioJSON.decode(Data(json.utf8)) }
    #expect(
      error.issues.map(\.path) == [
        "projects[0].amount", "projects[0].outcomes[0].reach", "projects[1].name",
        "projects[1].nom",
        "projects[1].evidence_level",
      ])
    #expect(error.description.split(separator: "\n").count == 5)
  }

  @Test("deep nesting is refused, not a crash")
  func deepNesting() throws {
    let json =
      "{\"format\": \"impact-portfolio/1\", \"projects\": [{\"id\": \"p\", \"name\": \"n\", \"extra\": "
      + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}]}"
    let error = try #require(throws: FormatError.self) { try PortfolioJSON.decode(Data(json.utf8)) }
    #expect(error.message.contains("nesting"))
  }

  @Test("text that is not UTF-8 is refused")
  func invalidUTF8() throws {
    var data = Data(
      "{\"format\": \"impact-portfolio/1\", \"projects\": [{\"id\": \"p\", \"name\": \"".utf8)
    data.append(contentsOf: [0xC3, 0x28])
    data.append(contentsOf: Data("\"}]}".utf8))
    let error = try #require(throws: FormatError.self) { try PortfolioJSON.decode(data) }
    #expect(error.message.contains("UTF-8"))
  }

  @Test("escapes and surrogate pairs are decoded")
  func escapes() throws {
    let json =
      #"{"format": "impact-portfolio/1", "projects": [{"id": "p", "name": "\u00c9t\u00e9 \ud83d\ude00 \/ \"q\" \\"}]}"#
    let document = try PortfolioJSON.decode(Data(json.utf8))
    #expect(document.projects[0].name == "Été 😀 / \"q\" \\")
    let lone = #"{"format": "impact-portfolio/1", "projects": [{"id": "p", "name": "\ud83d"}]}"#
    #expect(throws: FormatError.self) { try PortfolioJSON.decode(Data(lone.utf8)) }
  }

  @Test("one project reads and writes on its own")
  func singleProject() throws {
    let project = edgeCaseDocument().projects[0]
    let decoded = try PortfolioJSON.decodeProject(PortfolioJSON.encodeProject(project))
    #expect(decoded == project)
  }
}
