/// What changed between two states of a portfolio (`impact diff FROM TO`): the portfolio
/// figures side by side, the coverage matrix difference, the projects added, removed and
/// changed, the largest rank movers, and the attribution of every difference to its causes.
///
/// "Before" is the earlier state (FROM), "after" the later one (TO). A diff of a state with
/// itself has no added, removed or changed project, no mover, and every difference 0.
public struct PortfolioDiff: Sendable, Hashable {
  public var before: PortfolioSummary
  public var after: PortfolioSummary
  /// The summary's figures side by side, in ``PortfolioFigure`` order.
  public var figures: [FigureChange]
  /// Exposure and impact-weighted exposure per domain: the later scheme's domains in its
  /// order, then the domains only the earlier scheme had.
  public var domains: [DomainChange]
  /// The strategic domains that are gaps after but were not before.
  public var newGaps: [String]
  /// The strategic domains that were gaps before and are not after.
  public var closedGaps: [String]
  /// Every (domain, depth class) cell whose outcome count or amount differs, by domain (as in
  /// `domains`) then depth class.
  public var matrix: [CoverageCellChange]
  /// The projects only the later state holds, by id.
  public var added: [ProjectFigures]
  /// The projects only the earlier state holds, by id.
  public var removed: [ProjectFigures]
  /// The projects both states hold whose inputs or score differ, by id.
  public var changed: [ProjectChange]
  /// The projects of both states whose rank moved most, largest move first (ties by id).
  public var rankMovers: [RankMove]
  public var attribution: PortfolioAttribution

  /// Whether nothing differs: no project added, removed or changed and the same figures.
  public var isEmpty: Bool {
    added.isEmpty && removed.isEmpty && changed.isEmpty && matrix.isEmpty
      && figures.allSatisfy { $0.difference == nil || $0.difference == 0 }
      && domains.allSatisfy { $0.exposure.difference == 0 && $0.impactWeightedExposure.difference == 0 }
  }

  public init(
    before: PortfolioSummary, after: PortfolioSummary, figures: [FigureChange], domains: [DomainChange],
    newGaps: [String], closedGaps: [String], matrix: [CoverageCellChange], added: [ProjectFigures],
    removed: [ProjectFigures], changed: [ProjectChange], rankMovers: [RankMove], attribution: PortfolioAttribution
  ) {
    self.before = before
    self.after = after
    self.figures = figures
    self.domains = domains
    self.newGaps = newGaps
    self.closedGaps = closedGaps
    self.matrix = matrix
    self.added = added
    self.removed = removed
    self.changed = changed
    self.rankMovers = rankMovers
    self.attribution = attribution
  }
}

/// A portfolio figure a diff compares.
public enum PortfolioFigure: String, Sendable, Hashable, CaseIterable, Codable {
  case projects
  case totalAmount = "total_amount"
  case weightedComposite = "weighted_composite"
  case weightedQuantitative = "weighted_quantitative"
  case weightedQualitative = "weighted_qualitative"
  case weightedDepth = "weighted_depth"
  case hhi
  case effectiveDomains = "effective_domains"
  case coverage
  case deepCoverage = "deep_coverage"
  case socialValue = "social_value"
  case sroi

  /// The figure in `summary`; `nil` when the summary has none (social value, SROI).
  public func value(in summary: PortfolioSummary) -> Double? {
    switch self {
    case .projects: Double(summary.projects)
    case .totalAmount: summary.totalAmount
    case .weightedComposite: summary.weightedComposite
    case .weightedQuantitative: summary.weightedQuantitative
    case .weightedQualitative: summary.weightedQualitative
    case .weightedDepth: summary.weightedDepth
    case .hhi: summary.hhi
    case .effectiveDomains: summary.effectiveDomains
    case .coverage: summary.coverage
    case .deepCoverage: summary.deepCoverage
    case .socialValue: summary.socialValue
    case .sroi: summary.sroi
    }
  }
}

/// A figure before and after, and after − before (`nil` when either side has none).
public struct FigureChange: Sendable, Hashable {
  public var figure: PortfolioFigure
  public var before: Double?
  public var after: Double?
  public var difference: Double?

  public init(figure: PortfolioFigure, before: Double?, after: Double?) {
    self.figure = figure
    self.before = before
    self.after = after
    self.difference = before.flatMap { before in after.map { $0 - before } }
  }
}

/// A value before and after and its difference; a side without the value counts 0.
public struct ValueChange: Sendable, Hashable {
  public var before: Double
  public var after: Double
  public var difference: Double { after - before }

  public init(before: Double, after: Double) {
    self.before = before
    self.after = after
  }
}

/// A domain's exposure and impact-weighted exposure before and after.
public struct DomainChange: Sendable, Hashable {
  public var domain: String
  public var exposure: ValueChange
  public var impactWeightedExposure: ValueChange

  public init(domain: String, exposure: ValueChange, impactWeightedExposure: ValueChange) {
    self.domain = domain
    self.exposure = exposure
    self.impactWeightedExposure = impactWeightedExposure
  }
}

/// A coverage-matrix cell before and after.
public struct CoverageCellChange: Sendable, Hashable {
  public var domain: String
  public var depthClass: DepthClass
  public var outcomesBefore: Int
  public var outcomesAfter: Int
  public var amount: ValueChange

  public var outcomeDifference: Int { outcomesAfter - outcomesBefore }

  public init(domain: String, depthClass: DepthClass, outcomesBefore: Int, outcomesAfter: Int, amount: ValueChange) {
    self.domain = domain
    self.depthClass = depthClass
    self.outcomesBefore = outcomesBefore
    self.outcomesAfter = outcomesAfter
    self.amount = amount
  }
}

/// The figures of one project a diff or a trend shows.
public struct ProjectFigures: Sendable, Hashable {
  public var projectID: String
  public var amount: Double
  public var composite: Double
  public var rankScore: Double
  public var quantitative: Double
  public var qualitative: Double
  public var confidence: Double
  public var depth: Double
  public var depthClass: DepthClass
  public var completeness: Double
  public var impactClass: ImpactClass
  public var sroi: Double?

  public init(_ score: ProjectScore) {
    projectID = score.projectID
    amount = score.amount
    composite = score.composite
    rankScore = score.rankScore
    quantitative = score.quantitative
    qualitative = score.qualitative
    confidence = score.confidence
    depth = score.depth
    depthClass = score.depthClass
    completeness = score.completeness
    impactClass = score.impactClass
    sroi = score.sroi
  }
}

/// A project both states hold whose inputs or score differ.
public struct ProjectChange: Sendable, Hashable {
  public var before: ProjectFigures
  public var after: ProjectFigures
  /// The project's rank (ties sharing a rank) in each state.
  public var rankBefore: Int
  public var rankAfter: Int
  /// The project fields that differ, in this order: `name`, `programme`, `territory`,
  /// `status`, `amount`, `evidence_level`, `risks`, `ratings`, `outcomes`, `extra`.
  public var changedFields: [String]
  public var attribution: ProjectAttribution
  /// The project's share of the portfolio's weighted-composite difference through its rank
  /// score: ω̄_i · (R_after − R_before), ω̄_i its Shapley-averaged weight (see
  /// ``PortfolioAttribution``).
  public var portfolioContribution: Double

  public var projectID: String { after.projectID }
  public var compositeDifference: Double { after.composite - before.composite }

  public init(
    before: ProjectFigures, after: ProjectFigures, rankBefore: Int, rankAfter: Int, changedFields: [String],
    attribution: ProjectAttribution, portfolioContribution: Double
  ) {
    self.before = before
    self.after = after
    self.rankBefore = rankBefore
    self.rankAfter = rankAfter
    self.changedFields = changedFields
    self.attribution = attribution
    self.portfolioContribution = portfolioContribution
  }
}

/// A project's move in the ranking: positive `places` is a move up.
public struct RankMove: Sendable, Hashable {
  public var projectID: String
  public var rankBefore: Int
  public var rankAfter: Int
  public var places: Int { rankBefore - rankAfter }

  public init(projectID: String, rankBefore: Int, rankAfter: Int) {
    self.projectID = projectID
    self.rankBefore = rankBefore
    self.rankAfter = rankAfter
  }
}

/// A cause of the portfolio's weighted-composite difference.
public enum PortfolioCause: String, Sendable, Hashable, CaseIterable, Codable {
  case scheme
  case outcomeData = "outcome_data"
  case ratings
  case evidenceAndRisks = "evidence_and_risks"
  case addedProjects = "added_projects"
  case removedProjects = "removed_projects"
  case amounts
}

/// The portfolio's weighted-composite difference split over its causes, exactly.
///
/// Four coarse players move the weighted composite W = Σ ω_i R_i: the projects added, the
/// projects removed, the amounts of the projects both states hold, and their rank scores.
/// Their Shapley values (2^4 evaluations of W from a handful of sums) sum to the difference.
/// Within any coalition W is linear in the common projects' rank scores, so the rank-score
/// player's value is Σ_i ω̄_i ΔR_i, ω̄_i the Shapley-weighted mean of project i's weight over
/// the coalitions of the three other players; splitting each ΔR_i by the project's own
/// Shapley values gives the four ``AttributionCause``s their parts, which sum to it.
public struct PortfolioAttribution: Sendable, Hashable {
  /// W(after) − W(before).
  public var difference: Double
  /// The part of each cause, in ``PortfolioCause`` order; they sum to `difference` within 1e-9.
  public var causes: [PortfolioCause: Double]

  public init(difference: Double, causes: [PortfolioCause: Double]) {
    self.difference = difference
    self.causes = causes
  }

  /// The part of `cause` (0 when absent).
  public subscript(cause: PortfolioCause) -> Double { causes[cause] ?? 0 }

  /// The sum of the causes' parts.
  public var total: Double { PortfolioCause.allCases.reduce(0) { $0 + self[$1] } }
}
