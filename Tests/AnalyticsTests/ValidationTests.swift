import Analytics
import Testing

/// A valid project to break one rule at a time.
private let validProject = Project(
  id: "chantier-insertion-lyon",
  name: "Chantier d'insertion – Lyon 8e",
  programme: "Insertion",
  territory: "Auvergne-Rhône-Alpes",
  status: .funded,
  amount: 300_000,
  evidenceLevel: 3,
  risks: ["external": 1, "drop_off": 2],
  ratings: [
    Rating(criterion: "who", rater: "amel", value: 3),
    Rating(criterion: "what", rater: "amel", value: 4),
  ],
  outcomes: [
    Outcome(
      id: "emploi-durable", domain: "employment", share: 0.6,
      indicator: "Sorties vers l'emploi durable", unit: "%",
      direction: .higherIsBetter, baseline: 10, threshold: 68, target: 50, actual: 45,
      survey: Survey(veryMuch: 0.5, slightly: 0.3), reach: 400, durationYears: 3, dropOff: 0.2,
      deadweight: 0.25,
      attribution: 0.1, displacement: 0, financialProxy: 1000),
    Outcome(
      id: "urgences", domain: "health", share: 0.4, direction: .lowerIsBetter, baseline: 6,
      threshold: 2),
  ],
  extra: #"{"crm": [1, 2]}"#
)

/// One broken rule: how to break it and what the message must name.
struct RuleCase: Sendable, CustomTestStringConvertible {
  var rule: ValidationRule
  var outcomeID: String?
  var field: String
  /// Text the message must contain besides the project, the outcome, the field and the rule.
  var value: String
  var mutate: @Sendable (inout Project) -> Void

  var testDescription: String { "\(rule.code) on \(field) = \(value)" }

  static func outcome(
    _ rule: ValidationRule, _ field: String, _ value: String, outcomeID: String = "emploi-durable",
    _ change: @escaping @Sendable (inout Outcome) -> Void
  ) -> RuleCase {
    RuleCase(rule: rule, outcomeID: outcomeID, field: field, value: value) {
      change(&$0.outcomes[0])
    }
  }

  static func project(
    _ rule: ValidationRule, _ field: String, _ value: String,
    _ change: @escaping @Sendable (inout Project) -> Void
  )
    -> RuleCase
  {
    RuleCase(rule: rule, outcomeID: nil, field: field, value: value, mutate: change)
  }
}

private let ruleCases: [RuleCase] = [
  .project(.invalidID, "id", "bad id!") { $0.id = "bad id!" },
  .project(.invalidID, "id", String(repeating: "x", count: 65)) {
    $0.id = String(repeating: "x", count: 65)
  },
  .project(.nameRequired, "name", "empty") { $0.name = "  " },
  .project(.nonFiniteNumber, "amount", "NaN") { $0.amount = .nan },
  .project(.amountRange, "amount", "-1") { $0.amount = -1 },
  .project(.evidenceLevelRange, "evidence_level", "6") { $0.evidenceLevel = 6 },
  .project(.evidenceLevelRange, "evidence_level", "0") { $0.evidenceLevel = 0 },
  .project(.unknownRiskType, "risks.weather", "weather") { $0.risks["weather"] = 1 },
  .project(.riskValueRange, "risks.external", "4") { $0.risks["external"] = 4 },
  .project(.tooManyRisks, "risks", "9") { project in
    for type in Scheme.impactV1.riskTypes { project.risks[type] = 1 }
    project.risks["weather"] = 1
  },
  .project(.unknownCriterion, "ratings[0].criterion", "impact") {
    $0.ratings[0].criterion = "impact"
  },
  .project(.invalidRater, "ratings[0].rater", "Amel B.") { $0.ratings[0].rater = "Amel B." },
  .project(.ratingValueRange, "ratings[0].value", "4.5") { $0.ratings[0].value = 4.5 },
  .project(.ratingValueRange, "ratings[0].value", "-0.5") { $0.ratings[0].value = -0.5 },
  .project(.nonFiniteNumber, "ratings[0].value", "infinity") { $0.ratings[0].value = .infinity },
  .project(.duplicateRating, "ratings[2]", "who") {
    $0.ratings.append(Rating(criterion: "who", rater: "amel", value: 2))
  },
  .project(.outcomeCount, "outcomes", "0") { $0.outcomes = [] },
  .project(.outcomeCount, "outcomes", "21") { project in
    project.outcomes = (1...21).map { Outcome(id: "o\($0)", domain: "health") }
  },
  .project(.sharePartial, "outcomes.share", "urgences") { $0.outcomes[1].share = nil },
  .project(.shareSum, "outcomes.share", "0.8") { $0.outcomes[1].share = 0.2 },
  .project(.extraNotJSON, "extra", "{oops") { $0.extra = "{oops" },
  .project(.textContainsNUL, "ratings[0].comment", "U+0000") { $0.ratings[0].comment = "before\u{0}after" },
  .project(.textTooLong, "name", "301") { $0.name = String(repeating: "n", count: 301) },
  .project(.textControlCharacter, "territory", "U+001B") { $0.territory = "Lyon\u{1B}[31m" },
  .project(.tooManyRatings, "ratings", "1001") { project in
    project.ratings = (0...1000).map { Rating(criterion: "who", rater: "r\($0)", value: 2) }
  },
  .outcome(.duplicateOutcome, "id", "urgences", outcomeID: "urgences") { $0.id = "urgences" },
  .outcome(.invalidID, "id", "emploi durable", outcomeID: "emploi durable") {
    $0.id = "emploi durable"
  },
  .outcome(.unknownDomain, "domain", "housing") { $0.domain = "housing" },
  .outcome(.shareRange, "share", "1.5") { $0.share = 1.5 },
  .outcome(.shareRange, "share", "-0.1") { $0.share = -0.1 },
  .outcome(.nonFiniteNumber, "share", "NaN") { $0.share = .nan },
  .outcome(.directionRequired, "direction", "baseline") { $0.direction = nil },
  .outcome(
    .thresholdDirection, "threshold", "threshold 5 must lie above baseline 10 for higher_is_better"
  ) { $0.threshold = 5 },
  .outcome(.thresholdDirection, "threshold", "threshold 10 must lie above baseline 10") {
    $0.threshold = 10
  },
  .outcome(
    .thresholdDirection, "threshold", "threshold 80 must lie below baseline 10 for lower_is_better"
  ) {
    $0.direction = .lowerIsBetter
    $0.threshold = 80
  },
  .outcome(.nonFiniteNumber, "threshold", "infinity") { $0.threshold = .infinity },
  .outcome(.nonFiniteNumber, "actual", "NaN") { $0.actual = .nan },
  .outcome(.surveyShareRange, "survey.very_much", "1.2") {
    $0.survey = Survey(veryMuch: 1.2, slightly: 0)
  },
  .outcome(.surveyShareRange, "survey.slightly", "-0.2") {
    $0.survey = Survey(veryMuch: 0.2, slightly: -0.2)
  },
  .outcome(.surveySum, "survey", "1.2") { $0.survey = Survey(veryMuch: 0.7, slightly: 0.5) },
  .outcome(.reachRange, "reach", "-1") { $0.reach = -1 },
  .outcome(.nonFiniteNumber, "reach", "infinity") { $0.reach = .infinity },
  .outcome(.durationRange, "duration_years", "51") { $0.durationYears = 51 },
  .outcome(.durationRange, "duration_years", "-1") { $0.durationYears = -1 },
  .outcome(.fractionRange, "drop_off", "1.5") { $0.dropOff = 1.5 },
  .outcome(.fractionRange, "deadweight", "-0.1") { $0.deadweight = -0.1 },
  .outcome(.fractionRange, "attribution", "2") { $0.attribution = 2 },
  .outcome(.fractionRange, "displacement", "1.01") { $0.displacement = 1.01 },
  .outcome(.financialProxyRange, "financial_proxy", "-5") { $0.financialProxy = -5 },
]

@Suite("Validation")
struct ValidationTests {
  let validator = Validator(scheme: .impactV1)

  @Test("the valid project and the worked examples have no issue")
  func validInputs() throws {
    #expect(validator.validate(validProject).isEmpty)
    let document = try FormatTestFixtures.workedExamples()
    #expect(validator.validate(document.projects) == [])
    #expect(validator.validate(document) == [])
  }

  @Test(
    "each rule is reported with a message naming project, outcome, field, value and rule",
    arguments: ruleCases)
  func ruleIsReported(_ ruleCase: RuleCase) throws {
    var project = validProject
    ruleCase.mutate(&project)
    let issues = validator.validate(project)
    let issue = try #require(
      issues.first { $0.rule == ruleCase.rule && $0.field == ruleCase.field }, "issues: \(issues)")
    #expect(issue.projectID == project.id)
    #expect(issue.outcomeID == ruleCase.outcomeID)
    #expect(issue.message.contains("project \(project.id)"))
    if let outcomeID = ruleCase.outcomeID {
      #expect(issue.message.contains("outcome \(outcomeID)"))
      #expect(
        issue.path == "projects[\(project.id)].outcomes[\(issue.outcomeID ?? "")].\(ruleCase.field)"
      )
    } else {
      #expect(issue.path == "projects[\(project.id)].\(ruleCase.field)")
    }
    let fieldName = ruleCase.field.split(separator: ".").last.map(String.init) ?? ruleCase.field
    let namesField =
      issue.message.contains(fieldName)
      || issue.message.contains(ruleCase.field.prefix { $0 != "[" })
    #expect(namesField, "message: \(issue.message)")
    #expect(issue.message.contains(ruleCase.value), "message: \(issue.message)")
    #expect(issue.message.contains("rule \(ruleCase.rule.code)"))
  }

  @Test("every rule code is covered by a case or a dedicated test")
  func everyRuleCovered() {
    // The observation rules are checked by ObservationCheckTests, the target rules by HistoryPeriodTests,
    // the bank indicator rules by OutcomeIndicatorIDTests, the framework link by FrameworkCheckTests.
    let covered = Set(ruleCases.map(\.rule)).union([
      .duplicateProject, .invalidScheme, .observationPeriod, .observationPercentRange, .observationNegative,
      .observationFuturePeriod, .targetPeriod, .duplicateTargetPeriod, .unknownIndicator, .indicatorUnit,
      .indicatorDirection, .unknownImpact,
    ])
    #expect(Set(ValidationRule.all) == covered)
    #expect(Set(ValidationRule.all.map(\.code)).count == ValidationRule.all.count)
  }

  @Test("a project with several problems lists them all")
  func severalProblems() throws {
    var project = validProject
    project.amount = -10
    project.evidenceLevel = 9
    project.outcomes[0].threshold = 5
    project.outcomes[1].domain = "housing"
    project.outcomes[1].durationYears = 80
    let issues = validator.validate(project)
    #expect(
      Set(issues.map(\.rule)) == [
        .amountRange, .evidenceLevelRange, .thresholdDirection, .unknownDomain, .durationRange,
      ])
    let error = ValidationError(issues: issues)
    #expect(error.description.contains("5 problems"))
    for issue in issues { #expect(error.description.contains(issue.message)) }
    #expect(throws: ValidationError.self) { try validator.check([project]) }
  }

  @Test("duplicate project ids in a batch are reported")
  func duplicateProjects() {
    let issues = validator.validate([validProject, validProject])
    let duplicate = issues.filter { $0.rule == .duplicateProject }
    #expect(duplicate.count == 1)
    #expect(duplicate.first?.message.contains("chantier-insertion-lyon") == true)
    #expect(duplicate.first?.path == "projects[chantier-insertion-lyon].id")
  }

  @Test("a document is checked against its own scheme, and that scheme's rules")
  func documentScheme() {
    var scheme = Scheme.impactV1
    scheme.id = "impact-v1-housing"
    scheme.domains.append(
      Domain(id: "housing", label: LocalizedText(fr: "Logement", en: "Housing")))
    var project = validProject
    project.outcomes[1].domain = "housing"
    #expect(validator.validate(project).map(\.rule) == [.unknownDomain])
    #expect(validator.validate(PortfolioDocument(scheme: scheme, projects: [project])) == [])

    scheme.blend = 2
    let issues = validator.validate(PortfolioDocument(scheme: scheme, projects: [project]))
    #expect(issues.map(\.rule) == [.invalidScheme])
    #expect(issues.first?.message.contains("blend_range") == true)
  }

  @Test(
    "ids accept letters, digits, '-', '_', '.' and 1 to 64 characters",
    arguments: [
      ("a", true), ("A-b_c.9", true), (String(repeating: "z", count: 64), true), ("", false),
      (String(repeating: "z", count: 65), false), ("é", false), ("a b", false), ("a/b", false),
    ])
  func identifiers(_ id: String, _ valid: Bool) {
    #expect(IdentifierSyntax.isValid(id) == valid)
  }
}

/// A scheme change checks only the rules a scheme decides: the answer must be the full
/// validation's, for schemes that fit and schemes that do not.
@Suite("Scheme fit of valid projects")
struct SchemeFitTests {
  @Test("schemeFitError agrees with the full validation when a domain, a criterion or a risk type goes")
  func agreesWithFullValidation() throws {
    let projects = try FormatTestFixtures.workedExamples().projects
    #expect(Validator(scheme: .impactV1).validationError(for: projects) == nil)
    var schemes: [Scheme] = [.impactV1]
    for domain in Scheme.impactV1.domains.map(\.id) {
      var scheme = Scheme.impactV1
      scheme.domains.removeAll { $0.id == domain }
      schemes.append(scheme)
    }
    for criterion in Scheme.impactV1.criteria.map(\.id) {
      var scheme = Scheme.impactV1
      scheme.criteria.removeAll { $0.id == criterion }
      schemes.append(scheme)
    }
    for riskType in Scheme.impactV1.riskTypes {
      var scheme = Scheme.impactV1
      scheme.riskTypes.removeAll { $0 == riskType }
      schemes.append(scheme)
    }
    var refused = 0
    for scheme in schemes {
      let validator = Validator(scheme: scheme)
      let full = validator.validationError(for: projects)
      #expect(validator.schemeFitError(forValidProjects: projects) == full)
      if full != nil { refused += 1 }
    }
    // The fixture uses some of each, so some schemes must not fit.
    #expect(refused > 0)
  }
}
