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
  /// Most committee ratings a project may hold (criteria × raters).
  public static let maximumRatings = 1_000
  /// Most problems listed; beyond, problems are only counted (``ValidationError/omittedCount``),
  /// so that a request with a million broken values costs no more to refuse than one with a
  /// hundred.
  public static let maximumIssues = 100
  /// Tolerance on the sum of a project's shares.
  public static let shareSumTolerance = 1e-6
  /// Longest `duration_years`.
  public static let maximumDurationYears = 50

  public let scheme: Scheme
  /// The impact ids of the organisation's framework, which an outcome's `impact_id` must be
  /// one of; `nil` when there is no framework to check against (the id's syntax is checked).
  public let frameworkImpacts: Set<String>?
  private let domainIDs: Set<String>
  private let criterionIDs: Set<String>
  private let riskTypes: Set<String>

  public init(scheme: Scheme, frameworkImpacts: Set<String>? = nil) {
    self.scheme = scheme
    self.frameworkImpacts = frameworkImpacts
    domainIDs = Set(scheme.domains.map(\.id))
    criterionIDs = Set(scheme.criteria.map(\.id))
    riskTypes = Set(scheme.riskTypes)
  }

  /// The first ``maximumIssues`` rules `project` breaks; empty when it is valid.
  public func validate(_ project: Project) -> [ValidationIssue] {
    validate([project], checkingDuplicates: false).issues
  }

  /// The first ``maximumIssues`` rules the projects break, including ids used by more than one
  /// project.
  public func validate(_ projects: [Project]) -> [ValidationIssue] {
    validate(projects, checkingDuplicates: true).issues
  }

  /// The first ``maximumIssues`` rules the document breaks: its scheme's rules, then its
  /// projects', checked against the document's scheme when it has one and this validator's
  /// otherwise.
  public func validate(_ document: PortfolioDocument) -> [ValidationIssue] {
    validationError(for: document)?.issues ?? []
  }

  /// Whether projects that were valid under another scheme are valid under this one: only the
  /// rules a scheme decides are looked at (each outcome's domain, each rating's criterion, each
  /// risk type and their number), in one pass with no allocation; when one is broken, the full
  /// validation names every problem as ``validationError(for:)`` does. A scheme change at
  /// 100 000 projects checks them in tens of milliseconds instead of the ~0.6 s of a full
  /// validation (issue 14).
  public func schemeFitError(forValidProjects projects: [Project]) -> ValidationError? {
    // A scheme has a handful of each: comparing with the few ids is cheaper than hashing the
    // million values of a large portfolio.
    let domains = scheme.domains.map(\.id)
    let criteria = scheme.criteria.map(\.id)
    let riskTypes = scheme.riskTypes
    let fits = projects.allSatisfy { project in
      project.outcomes.allSatisfy { domains.contains($0.domain) }
        && project.ratings.allSatisfy { criteria.contains($0.criterion) }
        && project.risks.count <= riskTypes.count && project.risks.keys.allSatisfy { riskTypes.contains($0) }
    }
    return fits ? nil : validationError(for: projects)
  }

  /// Every rule the projects break, as an error listing the first ``maximumIssues`` and
  /// counting the others; nil when they are valid.
  public func validationError(for projects: [Project]) -> ValidationError? {
    let collector = validate(projects, checkingDuplicates: true)
    return collector.error
  }

  /// ``validationError(for:)-(_:[Project])`` for a document and its scheme.
  public func validationError(for document: PortfolioDocument) -> ValidationError? {
    let run = Run(self, documentScheme: document.scheme)
    run.check(document.projects)
    return run.error
  }

  /// Throws ``ValidationError`` listing the problems when any project breaks a rule.
  public func check(_ projects: [Project]) throws(ValidationError) {
    if let error = validationError(for: projects) { throw error }
  }

  private func validate(_ projects: [Project], checkingDuplicates: Bool) -> IssueCollector {
    let collector = IssueCollector()
    validate(projects, checkingDuplicates: checkingDuplicates, into: collector)
    return collector
  }

  private func validate(_ projects: [Project], checkingDuplicates: Bool, into collector: IssueCollector) {
    var seen: Set<String> = []
    for project in projects {
      checkProject(project, duplicate: checkingDuplicates && !seen.insert(project.id).inserted, into: collector)
    }
  }

  /// Checks `project` into `collector`; `duplicate` when an earlier project has its id.
  func checkProject(_ project: Project, duplicate: Bool, into collector: IssueCollector) {
    var report = ProjectReport(project: project, collector: collector)
    if duplicate {
      report.add(
        "id", .duplicateProject, "id \"\(Self.shown(project.id))\" is used by more than one project",
        ["value": Self.shown(project.id)])
    }
    checkProject(project, into: &report)
  }

  // MARK: - Project

  private func checkProject(_ project: Project, into report: inout ProjectReport) {
    // Cheap structural limits first: a project over one of them is not checked item by item,
    // so that its cost does not grow with what it carries.
    guard checkStructure(project, into: &report) else {
      checkTexts(of: project, items: false, into: &report)
      return
    }
    checkTexts(of: project, items: true, into: &report)
    if !IdentifierSyntax.isValid(project.id) {
      report.add(
        "id", .invalidID,
        "id \"\(Self.shown(project.id))\" is invalid: \(IdentifierSyntax.explanation(project.id))",
        ["value": Self.shown(project.id)])
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
    if let extra = project.extra,
      TextLimits.problem(in: extra, limit: TextLimits.extra, allowingJSONWhitespace: true) == nil,
      !PortfolioJSON.isJSONValue(extra)
    {
      report.add(
        "extra", .extraNotJSON, "extra must be one JSON value, found \(Self.quoted(extra))",
        ["value": Self.quoted(extra)])
    }
  }

  /// Reports the counts over a limit; false when there is any.
  private func checkStructure(_ project: Project, into report: inout ProjectReport) -> Bool {
    checkStructure(
      ProjectShape(
        id: project.id, outcomes: project.outcomes.count, ratings: project.ratings.count, risks: project.risks.count),
      into: &report)
  }

  private func checkStructure(_ shape: ProjectShape, into report: inout ProjectReport) -> Bool {
    var fits = true
    if shape.outcomes > Self.maximumOutcomes {
      fits = false
      report.add(
        "outcomes", .outcomeCount,
        "outcomes \(shape.outcomes) given, a project has 1 to \(Self.maximumOutcomes)",
        ["value": "\(shape.outcomes)", "bound": "\(Self.maximumOutcomes)"])
    }
    if shape.ratings > Self.maximumRatings {
      fits = false
      report.add(
        "ratings", .tooManyRatings,
        "ratings \(shape.ratings) given, a project holds at most \(Self.maximumRatings)",
        ["value": "\(shape.ratings)", "bound": "\(Self.maximumRatings)"])
    }
    if shape.risks > scheme.riskTypes.count {
      fits = false
      report.add(
        "risks", .tooManyRisks,
        "risks \(shape.risks) rated, scheme \(scheme.id) has only \(scheme.riskTypes.count) risk types",
        ["value": "\(shape.risks)", "scheme": scheme.id, "bound": "\(scheme.riskTypes.count)"]
      )
    }
    return fits
  }

  /// The projects whose lists are longer than a project may hold (outcomes, ratings, risks),
  /// from their sizes alone: a service checks them before it builds anything from a request.
  public func shapeError(_ shapes: [ProjectShape]) -> ValidationError? {
    let collector = IssueCollector()
    for shape in shapes {
      var report = ProjectReport(projectID: shape.id, collector: collector)
      _ = checkStructure(shape, into: &report)
    }
    return collector.error
  }

  /// Checks the length and the characters of every text of the project; of its outcomes and
  /// ratings too when `items`.
  private func checkTexts(of project: Project, items: Bool, into report: inout ProjectReport) {
    checkText(project.name, "name", limit: TextLimits.name, into: &report)
    checkText(project.programme, "programme", limit: TextLimits.programme, into: &report)
    checkText(project.territory, "territory", limit: TextLimits.territory, into: &report)
    if let extra = project.extra {
      checkText(extra, "extra", limit: TextLimits.extra, json: true, into: &report)
    }
    guard items else { return }
    for (index, rating) in project.ratings.enumerated() {
      if let comment = rating.comment {
        checkText(comment, "ratings[\(index)].comment", limit: TextLimits.comment, into: &report)
      }
    }
    for (index, outcome) in project.outcomes.enumerated() {
      if let indicator = outcome.indicator {
        checkText(indicator, "outcomes[\(index)].indicator", limit: TextLimits.indicator, into: &report)
      }
      if let unit = outcome.unit {
        checkText(unit, "outcomes[\(index)].unit", limit: TextLimits.unit, into: &report)
      }
    }
  }

  private func checkText(
    _ text: String, _ field: String, limit: Int, json: Bool = false, into report: inout ProjectReport
  ) {
    switch TextLimits.problem(in: text, limit: limit, allowingJSONWhitespace: json) {
    case nil:
      break
    case .tooLong(let length, let limit):
      report.add(
        field, .textTooLong, "\(field) has \(length) characters, at most \(limit) are allowed",
        ["value": "\(length)", "bound": "\(limit)"])
    case .nul:
      report.add(field, .textContainsNUL, "\(field) contains the NUL character (U+0000), which cannot be stored")
    case .controlCharacter(let scalar, let position):
      let code = TextLimits.codePoint(scalar)
      report.add(
        field, .textControlCharacter,
        "\(field) contains the control character \(code) at position \(position); control characters and bidirectional overrides are refused",
        ["value": code, "position": "\(position)"])
    }
  }

  /// Whether `text` holds U+0000.
  public static func containsNUL(_ text: String) -> Bool { text.utf8.contains(0) }

  private func checkRisks(_ project: Project, into report: inout ProjectReport) {
    for (type, value) in project.risks.sorted(by: { $0.key < $1.key }) {
      if !riskTypes.contains(type) {
        report.add(
          "risks.\(Self.shown(type))", .unknownRiskType,
          "risk type \"\(Self.shown(type))\" is not a risk type of scheme \(scheme.id) (\(scheme.riskTypes.joined(separator: ", ")))",
          ["value": Self.shown(type), "scheme": scheme.id, "allowed": scheme.riskTypes.joined(separator: ", ")]
        )
      }
      if !(0...3).contains(value) {
        report.add(
          "risks.\(Self.shown(type))", .riskValueRange, "risk \(Self.shown(type)) \(value) must be 0, 1, 2 or 3",
          ["risk": Self.shown(type), "value": "\(value)"])
      }
    }
  }

  private func checkRatings(_ project: Project, into report: inout ProjectReport) {
    var seen: Set<[String]> = []
    for (index, rating) in project.ratings.enumerated() {
      let field = "ratings[\(index)]"
      if !criterionIDs.contains(rating.criterion) {
        report.add(
          "\(field).criterion", .unknownCriterion,
          "criterion \"\(Self.shown(rating.criterion))\" is not a criterion of scheme \(scheme.id) (\(scheme.criteria.map(\.id).joined(separator: ", ")))",
          [
            "value": Self.shown(rating.criterion), "scheme": scheme.id,
            "allowed": scheme.criteria.map(\.id).joined(separator: ", "),
          ]
        )
      }
      if !IdentifierSyntax.isValidRater(rating.rater) {
        report.add(
          "\(field).rater", .invalidRater,
          "rater \"\(Self.shown(rating.rater))\" is invalid: \(IdentifierSyntax.raterExplanation(rating.rater))",
          ["value": Self.shown(rating.rater)])
      }
      if !rating.value.isFinite {
        report.add(
          "\(field).value", .nonFiniteNumber,
          "rating value \(Self.text(rating.value)) must be a finite number", ["value": Self.text(rating.value)])
      } else if !(0...4).contains(rating.value) {
        report.add(
          "\(field).value", .ratingValueRange,
          "rating value \(Self.text(rating.value)) of \(Self.shown(rating.criterion)) by \(Self.shown(rating.rater)) must be in [0, 4]",
          [
            "value": Self.text(rating.value), "criterion": Self.shown(rating.criterion),
            "rater": Self.shown(rating.rater),
          ]
        )
      }
      if !seen.insert([rating.criterion, rating.rater]).inserted {
        report.add(
          field, .duplicateRating,
          "ratings hold criterion \(Self.shown(rating.criterion)) by rater \(Self.shown(rating.rater)) more than once; a project keeps one rating per criterion and rater",
          ["criterion": Self.shown(rating.criterion), "rater": Self.shown(rating.rater)]
        )
      }
    }
  }

  private func checkOutcomes(_ project: Project, into report: inout ProjectReport) {
    if project.outcomes.isEmpty {
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
          "outcome id \"\(Self.shown(outcome.id))\" is used more than once in the project",
          ["value": Self.shown(outcome.id)])
      }
      checkOutcome(outcome, into: &report)
    }
    let shares = project.outcomes.compactMap(\.share)
    if !shares.isEmpty && shares.count < project.outcomes.count {
      let missing = project.outcomes.filter { $0.share == nil }.map { Self.shown($0.id) }
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
        "outcome id \"\(Self.shown(id))\" is invalid: \(IdentifierSyntax.explanation(id))", ["value": Self.shown(id)])
    }
    if !domainIDs.contains(outcome.domain) {
      report.add(
        "domain", outcome: id, .unknownDomain,
        "domain \"\(Self.shown(outcome.domain))\" is not a domain of scheme \(scheme.id) (\(scheme.domains.map(\.id).joined(separator: ", ")))",
        [
          "value": Self.shown(outcome.domain), "scheme": scheme.id,
          "allowed": scheme.domains.map(\.id).joined(separator: ", "),
        ]
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
    validateTargets(outcome, report: report)
    validateBankIndicator(outcome, report: report)
    validateImpactLink(outcome, report: report)
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
    "\"\(shown(text, limit: 40))\""
  }

  /// A value as messages quote it: at most `limit` characters (the rest is "…"), with control
  /// characters escaped, so that a hostile value can neither bloat a refusal nor act on the
  /// terminal or the log that shows it. The default keeps any id that could be valid whole.
  static func shown(_ text: String, limit: Int = 100) -> String {
    let scalars = text.unicodeScalars
    guard text.utf8.count > limit else { return TextLimits.escaped(text) }
    let short = scalars.count > limit ? String(String.UnicodeScalarView(scalars.prefix(limit))) + "…" : text
    return TextLimits.escaped(short)
  }
}

/// The sizes of a project's lists, for ``Validator/shapeError(_:)``.
public struct ProjectShape: Sendable, Hashable {
  public var id: String
  public var outcomes: Int
  public var ratings: Int
  public var risks: Int

  public init(id: String, outcomes: Int, ratings: Int, risks: Int) {
    self.id = id
    self.outcomes = outcomes
    self.ratings = ratings
    self.risks = risks
  }
}

/// The problems found so far: the first ``Validator/maximumIssues`` in full, the others only
/// counted. A class, shared by the reports of every project of a request.
final class IssueCollector {
  private(set) var issues: [ValidationIssue] = []
  private(set) var omitted = 0

  /// Adds the issue `make` builds, or only counts it once the list is full.
  func add(_ make: () -> ValidationIssue) {
    if issues.count < Validator.maximumIssues { issues.append(make()) } else { omitted += 1 }
  }

  var error: ValidationError? {
    issues.isEmpty ? nil : ValidationError(issues: issues, omittedCount: omitted)
  }
}

/// The issues of one project, with the project's path and id written once.
private struct ProjectReport {
  let projectID: String
  let collector: IssueCollector

  init(project: Project, collector: IssueCollector) {
    self.init(projectID: project.id, collector: collector)
  }

  init(projectID: String, collector: IssueCollector) {
    self.projectID = projectID
    self.collector = collector
  }

  /// Adds an issue; its texts are only built when it is listed.
  func add(
    _ field: String, outcome: String? = nil, _ rule: ValidationRule, _ detail: @autoclosure () -> String,
    _ values: @autoclosure () -> [String: String] = [:]
  ) {
    collector.add {
      let projectID = Validator.shown(self.projectID)
      let outcome = outcome.map { Validator.shown($0) }
      let base = "projects[\(projectID)]"
      let owner = outcome.map { "project \(projectID), outcome \($0)" } ?? "project \(projectID)"
      let path = outcome.map { "\(base).outcomes[\($0)].\(field)" } ?? "\(base).\(field)"
      return ValidationIssue(
        path: path, projectID: projectID, outcomeID: outcome, field: field, rule: rule,
        message: "\(owner): \(detail()) (rule \(rule.code))", values: values())
    }
  }
}

// MARK: - Period targets

extension Validator {
  /// Each target's period is a ``Period`` named once, and its value a finite number.
  fileprivate func validateTargets(_ outcome: Outcome, report: ProjectReport) {
    var seen: Set<Period> = []
    for (index, target) in outcome.targets.enumerated() {
      let field = "targets[\(index)]"
      do {
        let period = try Period(parsing: target.period)
        if !seen.insert(period).inserted {
          report.add(
            "\(field).period", outcome: outcome.id, .duplicateTargetPeriod,
            "\(field).period \(Self.quoted(period.text)) is given more than once", ["value": period.text])
        }
      } catch {
        report.add(
          "\(field).period", outcome: outcome.id, .targetPeriod,
          "\(field).period \(Self.quoted(Self.shown(target.period))) is not one of the accepted forms \(Period.acceptedForms)",
          ["value": Self.shown(target.period), "allowed": Period.acceptedForms])
      }
      if !target.value.isFinite {
        report.add(
          "\(field).value", outcome: outcome.id, .nonFiniteNumber,
          "\(field).value \(Self.text(target.value)) must be a finite number", ["value": Self.text(target.value)])
      }
    }
  }
}

// MARK: - Framework impacts

extension Validator {
  /// An outcome that names a framework impact names one the framework has.
  fileprivate func validateImpactLink(_ outcome: Outcome, report: ProjectReport) {
    guard let id = outcome.impactID else { return }
    if !IdentifierSyntax.isValid(id) {
      report.add(
        "impact_id", outcome: outcome.id, .invalidID,
        "impact_id \"\(Self.shown(id))\" is invalid: \(IdentifierSyntax.explanation(id))", ["value": Self.shown(id)])
    } else if let impacts = frameworkImpacts, !impacts.contains(id) {
      report.add(
        "impact_id", outcome: outcome.id, .unknownImpact,
        "impact_id \(Self.quoted(id)) is not an impact of the framework; see impact framework show",
        ["value": id])
    }
  }
}

// MARK: - Bank indicators

extension Validator {
  /// An outcome that names a bank indicator uses it as the bank defines it: a unit, when
  /// given, that names the bank's unit, and the bank's direction.
  fileprivate func validateBankIndicator(_ outcome: Outcome, report: ProjectReport) {
    guard let id = outcome.indicatorID else { return }
    let bank = IndicatorBank.shipped
    guard let indicator = bank.indicator(id) else {
      report.add(
        "indicator_id", outcome: outcome.id, .unknownIndicator,
        "indicator_id \(Self.quoted(id)) is not an indicator of the bank (edition \(bank.edition))",
        ["value": id, "edition": bank.edition])
      return
    }
    if let unit = outcome.unit, !bank.unitAgrees(unit, with: indicator) {
      let expected = bank.label(of: indicator.unit, in: \.units, language: "en")
      report.add(
        "unit", outcome: outcome.id, .indicatorUnit,
        "unit \(Self.quoted(unit)) does not agree with bank indicator \(id), whose unit is \(Self.quoted(expected))",
        ["value": unit, "indicator": id, "expected": expected])
    }
    if let direction = outcome.direction, direction != indicator.direction {
      report.add(
        "direction", outcome: outcome.id, .indicatorDirection,
        "direction \(direction.rawValue) does not agree with bank indicator \(id), which is \(indicator.direction.rawValue)",
        ["value": direction.rawValue, "indicator": id, "expected": indicator.direction.rawValue])
    }
  }
}
