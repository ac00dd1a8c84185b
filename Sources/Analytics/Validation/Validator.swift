/// Checks projects against the rules of the method's inputs (`methodology.md`, Inputs) for a
/// scheme, reporting every problem found.
///
/// ```swift
/// let issues = Validator(scheme: .impactV1).validate(projects)
/// guard issues.isEmpty else { throw ValidationError(issues: issues) }
/// ```
public struct Validator: Sendable {
  /// Most outcomes a project may have.
  public static let maximumOutcomes = 20
  /// Tolerance on the sum of a project's shares.
  public static let shareSumTolerance = 1e-6
  /// Longest `duration_years`.
  public static let maximumDurationYears = 50

  public let scheme: Scheme
  private let domainIDs: Set<String>
  private let criterionIDs: Set<String>
  private let riskTypes: Set<String>

  public init(scheme: Scheme) {
    self.scheme = scheme
    domainIDs = Set(scheme.domains.map(\.id))
    criterionIDs = Set(scheme.criteria.map(\.id))
    riskTypes = Set(scheme.riskTypes)
  }

  /// Every rule `project` breaks; empty when it is valid.
  public func validate(_ project: Project) -> [ValidationIssue] {
    var report = ProjectReport(project: project)
    checkProject(project, into: &report)
    return report.issues
  }

  /// Every rule the projects break, including ids used by more than one project.
  public func validate(_ projects: [Project]) -> [ValidationIssue] {
    var issues: [ValidationIssue] = []
    var seen: Set<String> = []
    for project in projects {
      if !seen.insert(project.id).inserted {
        var report = ProjectReport(project: project)
        report.add(
          "id", .duplicateProject, "id \"\(project.id)\" is used by more than one project",
          ["value": project.id])
        issues += report.issues
      }
      issues += validate(project)
    }
    return issues
  }

  /// Every rule the document breaks: its scheme's rules, then its projects', checked against
  /// the document's scheme when it has one and this validator's otherwise.
  public func validate(_ document: PortfolioDocument) -> [ValidationIssue] {
    guard let documentScheme = document.scheme else { return validate(document.projects) }
    let schemeIssues = documentScheme.validate().map { issue in
      ValidationIssue(
        path: "scheme.\(issue.path)", projectID: nil, outcomeID: nil, field: issue.path,
        rule: .invalidScheme,
        message: "scheme \(documentScheme.id): \(issue.message)",
        values: issue.values.merging(
          ["scheme": documentScheme.id, "scheme_rule": issue.rule.code], uniquingKeysWith: { $1 }))
    }
    return schemeIssues + Validator(scheme: documentScheme).validate(document.projects)
  }

  /// Throws ``ValidationError`` listing every problem when any project breaks a rule.
  public func check(_ projects: [Project]) throws(ValidationError) {
    let issues = validate(projects)
    guard issues.isEmpty else { throw ValidationError(issues: issues) }
  }

  // MARK: - Project

  private func checkProject(_ project: Project, into report: inout ProjectReport) {
    if !IdentifierSyntax.isValid(project.id) {
      report.add(
        "id", .invalidID,
        "id \"\(project.id)\" is invalid: \(IdentifierSyntax.explanation(project.id))",
        ["value": project.id])
    }
    if project.name.allSatisfy(\.isWhitespace) {
      report.add("name", .nameRequired, "name must not be empty")
    }
    if !project.amount.isFinite {
      report.add(
        "amount", .nonFiniteNumber, "amount \(Self.text(project.amount)) must be a finite number",
        ["value": Self.text(project.amount)])
    } else if project.amount < 0 {
      report.add(
        "amount", .amountRange, "amount \(Self.text(project.amount)) must be at least 0",
        ["value": Self.text(project.amount), "bound": "0"])
    }
    if let level = project.evidenceLevel, !(1...5).contains(level) {
      report.add(
        "evidence_level", .evidenceLevelRange, "evidence_level \(level) must be 1, 2, 3, 4 or 5",
        ["value": "\(level)"])
    }
    checkRisks(project, into: &report)
    checkRatings(project, into: &report)
    checkOutcomes(project, into: &report)
    var texts: [(String, String?)] = [
      ("name", project.name), ("programme", project.programme), ("territory", project.territory),
      ("extra", project.extra),
    ]
    for (index, rating) in project.ratings.enumerated() { texts.append(("ratings[\(index)].comment", rating.comment)) }
    for (index, outcome) in project.outcomes.enumerated() {
      texts.append(("outcomes[\(index)].indicator", outcome.indicator))
      texts.append(("outcomes[\(index)].unit", outcome.unit))
    }
    for case (let field, let text?) in texts where Self.containsNUL(text) {
      report.add(field, .textContainsNUL, "\(field) contains the NUL character (U+0000), which cannot be stored")
    }
    if let extra = project.extra, !PortfolioJSON.isJSONValue(extra) {
      report.add(
        "extra", .extraNotJSON, "extra must be one JSON value, found \(Self.quoted(extra))",
        ["value": Self.quoted(extra)])
    }
  }

  /// Whether `text` holds U+0000.
  public static func containsNUL(_ text: String) -> Bool { text.utf8.contains(0) }

  private func checkRisks(_ project: Project, into report: inout ProjectReport) {
    for (type, value) in project.risks.sorted(by: { $0.key < $1.key }) {
      if !riskTypes.contains(type) {
        report.add(
          "risks.\(type)", .unknownRiskType,
          "risk type \"\(type)\" is not a risk type of scheme \(scheme.id) (\(scheme.riskTypes.joined(separator: ", ")))",
          ["value": type, "scheme": scheme.id, "allowed": scheme.riskTypes.joined(separator: ", ")]
        )
      }
      if !(0...3).contains(value) {
        report.add(
          "risks.\(type)", .riskValueRange, "risk \(type) \(value) must be 0, 1, 2 or 3",
          ["risk": type, "value": "\(value)"])
      }
    }
    if project.risks.count > scheme.riskTypes.count {
      report.add(
        "risks", .tooManyRisks,
        "risks \(project.risks.count) rated, scheme \(scheme.id) has only \(scheme.riskTypes.count) risk types",
        ["value": "\(project.risks.count)", "scheme": scheme.id, "bound": "\(scheme.riskTypes.count)"]
      )
    }
  }

  private func checkRatings(_ project: Project, into report: inout ProjectReport) {
    var seen: Set<[String]> = []
    for (index, rating) in project.ratings.enumerated() {
      let field = "ratings[\(index)]"
      if !criterionIDs.contains(rating.criterion) {
        report.add(
          "\(field).criterion", .unknownCriterion,
          "criterion \"\(rating.criterion)\" is not a criterion of scheme \(scheme.id) (\(scheme.criteria.map(\.id).joined(separator: ", ")))",
          ["value": rating.criterion, "scheme": scheme.id, "allowed": scheme.criteria.map(\.id).joined(separator: ", ")]
        )
      }
      if !IdentifierSyntax.isValidRater(rating.rater) {
        report.add(
          "\(field).rater", .invalidRater,
          "rater \"\(rating.rater)\" is invalid: \(IdentifierSyntax.raterExplanation(rating.rater))",
          ["value": rating.rater])
      }
      if !rating.value.isFinite {
        report.add(
          "\(field).value", .nonFiniteNumber,
          "rating value \(Self.text(rating.value)) must be a finite number", ["value": Self.text(rating.value)])
      } else if !(0...4).contains(rating.value) {
        report.add(
          "\(field).value", .ratingValueRange,
          "rating value \(Self.text(rating.value)) of \(rating.criterion) by \(rating.rater) must be in [0, 4]",
          ["value": Self.text(rating.value), "criterion": rating.criterion, "rater": rating.rater]
        )
      }
      if !seen.insert([rating.criterion, rating.rater]).inserted {
        report.add(
          field, .duplicateRating,
          "ratings hold criterion \(rating.criterion) by rater \(rating.rater) more than once; a project keeps one rating per criterion and rater",
          ["criterion": rating.criterion, "rater": rating.rater]
        )
      }
    }
  }

  private func checkOutcomes(_ project: Project, into report: inout ProjectReport) {
    if project.outcomes.isEmpty || project.outcomes.count > Self.maximumOutcomes {
      report.add(
        "outcomes", .outcomeCount,
        "outcomes \(project.outcomes.count) given, a project has 1 to \(Self.maximumOutcomes)",
        ["value": "\(project.outcomes.count)", "bound": "\(Self.maximumOutcomes)"])
    }
    var seen: Set<String> = []
    for outcome in project.outcomes {
      if !seen.insert(outcome.id).inserted {
        report.add(
          "id", outcome: outcome.id, .duplicateOutcome,
          "outcome id \"\(outcome.id)\" is used more than once in the project", ["value": outcome.id])
      }
      checkOutcome(outcome, into: &report)
    }
    let shares = project.outcomes.compactMap(\.share)
    if !shares.isEmpty && shares.count < project.outcomes.count {
      let missing = project.outcomes.filter { $0.share == nil }.map(\.id)
      report.add(
        "outcomes.share", .sharePartial,
        "share is missing for \(missing.joined(separator: ", ")); give every outcome a share or none",
        ["value": missing.joined(separator: ", ")]
      )
    } else if !shares.isEmpty, shares.allSatisfy(\.isFinite) {
      let sum = shares.reduce(0, +)
      if !(abs(sum - 1) <= Self.shareSumTolerance) {
        report.add(
          "outcomes.share", .shareSum, "shares sum to \(Self.text(sum)), they must sum to 1 ± 1e-6",
          ["value": Self.text(sum), "bound": "1 ± 1e-6"])
      }
    }
  }

  private func checkOutcome(_ outcome: Outcome, into report: inout ProjectReport) {
    let id = outcome.id
    func number(
      _ field: String, _ value: Double?, _ rule: ValidationRule, _ requirement: String,
      _ valid: (Double) -> Bool
    ) {
      guard let value else { return }
      if !value.isFinite {
        report.add(
          field, outcome: id, .nonFiniteNumber,
          "\(field) \(Self.text(value)) must be a finite number", ["value": Self.text(value)])
      } else if !valid(value) {
        report.add(
          field, outcome: id, rule, "\(field) \(Self.text(value)) must be \(requirement)",
          ["value": Self.text(value)])
      }
    }

    if !IdentifierSyntax.isValid(id) {
      report.add(
        "id", outcome: id, .invalidID,
        "outcome id \"\(id)\" is invalid: \(IdentifierSyntax.explanation(id))", ["value": id])
    }
    if !domainIDs.contains(outcome.domain) {
      report.add(
        "domain", outcome: id, .unknownDomain,
        "domain \"\(outcome.domain)\" is not a domain of scheme \(scheme.id) (\(scheme.domains.map(\.id).joined(separator: ", ")))",
        ["value": outcome.domain, "scheme": scheme.id, "allowed": scheme.domains.map(\.id).joined(separator: ", ")]
      )
    }
    number("share", outcome.share, .shareRange, "in [0, 1]") { (0...1).contains($0) }
    for (field, value) in [
      ("baseline", outcome.baseline), ("threshold", outcome.threshold), ("target", outcome.target),
      ("actual", outcome.actual),
    ] {
      number(field, value, .nonFiniteNumber, "a finite number") { _ in true }
    }
    if outcome.direction == nil, outcome.baseline != nil || outcome.threshold != nil {
      let field = outcome.baseline != nil ? "baseline" : "threshold"
      report.add(
        "direction", outcome: id, .directionRequired,
        "direction is required with an indicator's \(field) (higher_is_better or lower_is_better)",
        ["value": field])
    }
    if let direction = outcome.direction, let baseline = outcome.baseline,
      let threshold = outcome.threshold,
      baseline.isFinite, threshold.isFinite
    {
      let beyond = direction == .higherIsBetter ? threshold > baseline : threshold < baseline
      if !beyond {
        let side = direction == .higherIsBetter ? "above" : "below"
        report.add(
          "threshold", outcome: id, .thresholdDirection,
          "threshold \(Self.text(threshold)) must lie \(side) baseline \(Self.text(baseline)) for \(direction.rawValue)",
          ["value": Self.text(threshold), "baseline": Self.text(baseline), "direction": direction.rawValue]
        )
      }
    }
    if let survey = outcome.survey {
      number("survey.very_much", survey.veryMuch, .surveyShareRange, "in [0, 1]") {
        (0...1).contains($0)
      }
      number("survey.slightly", survey.slightly, .surveyShareRange, "in [0, 1]") {
        (0...1).contains($0)
      }
      let sum = survey.veryMuch + survey.slightly
      if sum.isFinite, sum > 1 + 1e-9 {
        report.add(
          "survey", outcome: id, .surveySum,
          "survey very_much \(Self.text(survey.veryMuch)) + slightly \(Self.text(survey.slightly)) = \(Self.text(sum)) must be at most 1",
          [
            "very_much": Self.text(survey.veryMuch), "slightly": Self.text(survey.slightly),
            "value": Self.text(sum),
          ]
        )
      }
    }
    number("reach", outcome.reach, .reachRange, "at least 0") { $0 >= 0 }
    if let years = outcome.durationYears, !(0...Self.maximumDurationYears).contains(years) {
      report.add(
        "duration_years", outcome: id, .durationRange,
        "duration_years \(years) must be 0 to \(Self.maximumDurationYears)",
        ["value": "\(years)", "bound": "\(Self.maximumDurationYears)"])
    }
    for (field, value) in [
      ("drop_off", outcome.dropOff), ("deadweight", outcome.deadweight),
      ("attribution", outcome.attribution),
      ("displacement", outcome.displacement),
    ] {
      number(field, value, .fractionRange, "in [0, 1]") { (0...1).contains($0) }
    }
    number("financial_proxy", outcome.financialProxy, .financialProxyRange, "at least 0") {
      $0 >= 0
    }
  }

  // MARK: - Text

  /// A number as people write it: `300000`, `0.25`, `NaN`, `infinity`.
  static func text(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-infinity" : "infinity" }
    return JSONOutput.numberText(value)
  }

  static func quoted(_ text: String) -> String {
    let short = text.count > 40 ? String(text.prefix(40)) + "…" : text
    return "\"\(short)\""
  }
}

/// The issues of one project, with the project's path and id written once.
private struct ProjectReport {
  let projectID: String
  let base: String
  var issues: [ValidationIssue] = []

  init(project: Project) {
    projectID = project.id
    base = "projects[\(project.id)]"
  }

  mutating func add(
    _ field: String, outcome: String? = nil, _ rule: ValidationRule, _ detail: String,
    _ values: [String: String] = [:]
  ) {
    let owner = outcome.map { "project \(projectID), outcome \($0)" } ?? "project \(projectID)"
    let path = outcome.map { "\(base).outcomes[\($0)].\(field)" } ?? "\(base).\(field)"
    issues.append(
      ValidationIssue(
        path: path, projectID: projectID, outcomeID: outcome, field: field, rule: rule,
        message: "\(owner): \(detail) (rule \(rule.code))", values: values))
  }
}
