import Analytics
import Foundation
import Testing

@Suite("Scheme documents")
struct SchemeDocumentTests {
  @Test("impact-v1 survives a JSON round trip")
  func impactV1RoundTrip() throws {
    let data = SchemeJSON.encode(.impactV1)
    let decoded = try SchemeJSON.decode(data)
    #expect(decoded == .impactV1)
    #expect(SchemeJSON.encode(decoded) == data)
  }

  @Test("impact-v1 breaks no rule")
  func impactV1IsValid() {
    #expect(Scheme.impactV1.validate() == [])
  }

  @Test("missing keys take the impact-v1 defaults, except id")
  func defaults() throws {
    let scheme = try SchemeJSON.decode(Data(#"{"id": "mini"}"#.utf8))
    var expected = Scheme.impactV1
    expected.id = "mini"
    #expect(scheme == expected)

    let error = try #require(throws: FormatError.self) {
      try SchemeJSON.decode(Data(#"{"blend": 0.4}"#.utf8), source: "s.json")
    }
    #expect(error.path == "id")
    #expect(error.message.contains("missing required key \"id\""))
  }

  @Test("labels and levels accept one string for both languages or {fr, en}")
  func texts() throws {
    let json = """
      {"id": "custom", "criteria": [
        {"id": "what", "weight": 0.5, "label": "Quoi", "levels": {"0": "Rien", "4": {"fr": "Tout", "en": "All"}}},
        {"id": "reach-out", "weight": 0.5}
      ], "domains": [{"id": "housing", "strategic": false, "label": {"fr": "Logement", "en": "Housing"}}, {"id": "health"}]}
      """
    let scheme = try SchemeJSON.decode(Data(json.utf8))
    #expect(scheme.criteria[0].label == LocalizedText(fr: "Quoi", en: "Quoi"))
    #expect(
      scheme.criteria[0].levels == [
        0: LocalizedText(fr: "Rien", en: "Rien"), 4: LocalizedText(fr: "Tout", en: "All"),
      ])
    #expect(scheme.criteria[1].label == LocalizedText(fr: "reach-out", en: "reach-out"))
    #expect(
      scheme.domains[0]
        == Domain(
          id: "housing", strategic: false, label: LocalizedText(fr: "Logement", en: "Housing")))
    #expect(scheme.domains[1] == Scheme.impactV1.domains[1])
    #expect(try SchemeJSON.decode(SchemeJSON.encode(scheme)) == scheme)
  }

  struct RuleCase: Sendable, CustomTestStringConvertible {
    var json: String
    var rule: SchemeRule
    var path: String
    var testDescription: String { "\(rule.code) at \(path)" }
  }

  static let ruleCases: [RuleCase] = [
    RuleCase(json: #"{"id": "bad id"}"#, rule: .invalidID, path: "id"),
    RuleCase(
      json:
        #"{"id": "s", "quantitative_weights": {"scale": 0.3, "depth": 0.3, "duration": 0.15, "contribution": 0.35}}"#,
      rule: .weightsSum, path: "quantitative_weights"),
    RuleCase(
      json: #"{"id": "s", "criteria": [{"id": "a", "weight": 1.2}, {"id": "b", "weight": -0.2}]}"#,
      rule: .weightRange, path: "criteria[0].weight"),
    RuleCase(
      json: #"{"id": "s", "criteria": [{"id": "a", "weight": 0.5}]}"#, rule: .weightsSum,
      path: "criteria"),
    RuleCase(
      json: #"{"id": "s", "criteria": [{"id": "a", "weight": 0.5}, {"id": "a", "weight": 0.5}]}"#,
      rule: .duplicateID, path: "criteria[1].id"),
    RuleCase(json: #"{"id": "s", "criteria": []}"#, rule: .noCriterion, path: "criteria"),
    RuleCase(json: #"{"id": "s", "domains": []}"#, rule: .noDomain, path: "domains"),
    RuleCase(
      json: #"{"id": "s", "domains": [{"id": "x"}, {"id": "x"}]}"#, rule: .duplicateID,
      path: "domains[1].id"),
    RuleCase(
      json: #"{"id": "s", "domains": [{"id": "x y"}]}"#, rule: .invalidID, path: "domains[0].id"),
    RuleCase(
      json: #"{"id": "s", "risk_types": ["a", "a"]}"#, rule: .duplicateID, path: "risk_types[1]"),
    RuleCase(
      json: #"{"id": "s", "evidence_factors": {"1": 0, "2": 0.7, "3": 0.8, "4": 0.9, "5": 1}}"#,
      rule: .evidenceFactorRange, path: "evidence_factors.1"),
    RuleCase(
      json: #"{"id": "s", "evidence_factors": {"1": 0.6, "2": 0.7, "3": 0.8, "4": 0.9, "5": 1.1}}"#,
      rule: .evidenceFactorRange, path: "evidence_factors.5"),
    RuleCase(json: #"{"id": "s", "blend": 1.5}"#, rule: .blendRange, path: "blend"),
    RuleCase(
      json: #"{"id": "s", "reach_reference": 0}"#, rule: .reachReferenceRange,
      path: "reach_reference"),
    RuleCase(
      json: #"{"id": "s", "duration_horizon_years": -1}"#, rule: .durationHorizonRange,
      path: "duration_horizon_years"),
    RuleCase(
      json: #"{"id": "s", "unknown_risk": 4}"#, rule: .unknownRiskRange, path: "unknown_risk"),
    RuleCase(
      json: #"{"id": "s", "coverage_threshold": 2}"#, rule: .thresholdRange,
      path: "coverage_threshold"),
    RuleCase(
      json: #"{"id": "s", "insufficient_data_below": -0.1}"#, rule: .thresholdRange,
      path: "insufficient_data_below"),
    RuleCase(
      json: #"{"id": "s", "discount_rate": 1}"#, rule: .discountRateRange, path: "discount_rate"),
    RuleCase(
      json: #"{"id": "s", "domains": [{"id": "x", "label": {"fr": "a\u001b[31m", "en": "b"}}]}"#,
      rule: .textControlCharacter, path: "domains[0].label.fr"),
    RuleCase(
      json: "{\"id\": \"s\", \"domains\": [{\"id\": \"x\", \"label\": \"\(String(repeating: "l", count: 201))\"}]}",
      rule: .textTooLong, path: "domains[0].label.fr"),
    RuleCase(
      json: "{\"id\": \"s\", \"risk_types\": [\((0...100).map { "\"r\($0)\"" }.joined(separator: ", "))]}",
      rule: .tooManyEntries, path: "risk_types"),
  ]

  @Test(
    "a scheme that breaks a rule is refused whole, the message naming the rule",
    arguments: ruleCases)
  func ruleRefused(_ ruleCase: RuleCase) throws {
    let error = try #require(throws: FormatError.self) {
      try SchemeJSON.decode(Data(ruleCase.json.utf8), source: "scheme.json")
    }
    let issue = try #require(
      error.issues.first { $0.path == ruleCase.path }, "issues: \(error.issues)")
    #expect(issue.message.contains("rule \(ruleCase.rule.code)"))
    #expect(issue.source == "scheme.json")
    #expect(issue.line == 1)
  }

  @Test("rules only a programmatic scheme can break")
  func programmaticRules() {
    var scheme = Scheme.impactV1
    scheme.evidenceFactors = [0.6, 0.7]
    scheme.criteria[0].levels[7] = LocalizedText(fr: "?", en: "?")
    scheme.blend = .nan
    let rules = scheme.validate().map(\.rule)
    #expect(rules == [.levelRange, .evidenceFactorCount, .blendRange])
    #expect(throws: SchemeError.self) { try scheme.checked() }
  }

  @Test("every scheme rule is exercised")
  func everyRuleCovered() {
    let covered = Set(Self.ruleCases.map(\.rule)).union([.levelRange, .evidenceFactorCount])
    #expect(Set(SchemeRule.all) == covered)
  }

  @Test("shape errors: unknown keys, partial evidence factors, wrong types")
  func shapeErrors() throws {
    let json = """
      {"id": "s", "blnd": 0.5,
       "evidence_factors": {"1": 0.6, "2": 0.7, "3": 0.8, "4": 0.9},
       "criteria": [{"id": "what", "weight": "0.3", "levels": {"5": "x"}}]}
      """
    let error = try #require(throws: FormatError.self) { try SchemeJSON.decode(Data(json.utf8)) }
    #expect(
      error.issues.map(\.path) == [
        "blnd", "evidence_factors.5", "criteria[0].weight", "criteria[0].levels.5",
      ])
    #expect(error.issues.map(\.line) == [1, 2, 3, 3])
  }

  @Test("a portfolio document carries its scheme, and refuses a broken one with its path")
  func schemeInPortfolio() throws {
    var scheme = Scheme.impactV1
    scheme.id = "impact-v1-b"
    scheme.blend = 0.7
    let document = PortfolioDocument(scheme: scheme, projects: [])
    #expect(try PortfolioJSON.decode(PortfolioJSON.encode(document)) == document)

    let broken =
      #"{"format": "impact-portfolio/1", "scheme": {"id": "s", "blend": 3}, "projects": []}"#
    let error = try #require(throws: FormatError.self) {
      try PortfolioJSON.decode(Data(broken.utf8))
    }
    #expect(error.path == "scheme.blend")
    #expect(error.message.contains("blend_range"))
    #expect(error.column == 65)
  }
}
