/// Figures over an ordered list of states (`impact trend`): the portfolio's, or one project's.
///
/// Pure values: the caller picks the states (every snapshot, the end of every month since a
/// date) and keeps their labels; point i describes state i. Each state is scored under its own
/// scheme, one scorer per distinct scheme.
public enum PortfolioTrend {
  /// The portfolio figures of each state, of the projects `filter` selects.
  public static func portfolio(
    _ states: [PortfolioState], filter: ProjectFilter = .all, lanes: Int = 1
  )
    -> [PortfolioTrendPoint]
  {
    var scorers = ScorerCache()
    return states.map { state in
      let (scorer, analyzer) = scorers.tools(for: state.scheme)
      let summary = analyzer.summary(of: scorer.score(state.projects, lanes: lanes), filter: filter)
      return PortfolioTrendPoint(summary)
    }
  }

  /// The figures of project `projectID` in each state; `nil` where the state does not hold it.
  public static func project(_ projectID: String, over states: [PortfolioState]) -> [ProjectTrendPoint?] {
    var scorers = ScorerCache()
    return states.map { state in
      guard let project = state.projects.first(where: { $0.id == projectID }) else { return nil }
      let score = scorers.tools(for: state.scheme).scorer.score(project)
      return ProjectTrendPoint(schemeID: state.scheme.id, figures: ProjectFigures(score))
    }
  }
}

/// The portfolio figures a trend follows, at one state.
public struct PortfolioTrendPoint: Sendable, Hashable {
  public var schemeID: String
  public var projects: Int
  public var totalAmount: Double
  public var weightedComposite: Double
  public var coverage: Double
  public var deepCoverage: Double
  /// E_k per domain of the state's scheme, in its order.
  public var exposure: [DomainValue]
  /// E′_k per domain of the state's scheme, in its order.
  public var impactWeightedExposure: [DomainValue]
  public var socialValue: Double?
  public var sroi: Double?

  public init(_ summary: PortfolioSummary) {
    schemeID = summary.schemeID
    projects = summary.projects
    totalAmount = summary.totalAmount
    weightedComposite = summary.weightedComposite
    coverage = summary.coverage
    deepCoverage = summary.deepCoverage
    exposure = summary.exposure
    impactWeightedExposure = summary.impactWeightedExposure
    socialValue = summary.socialValue
    sroi = summary.sroi
  }
}

/// One project's figures at one state: composite, Q, L, confidence, depth (and the rest of
/// ``ProjectFigures``).
public struct ProjectTrendPoint: Sendable, Hashable {
  public var schemeID: String
  public var figures: ProjectFigures

  public init(schemeID: String, figures: ProjectFigures) {
    self.schemeID = schemeID
    self.figures = figures
  }
}

/// One scorer and analyzer per distinct scheme of a series of states (consecutive states
/// usually share theirs).
struct ScorerCache {
  private var entries: [(scheme: Scheme, scorer: ProjectScorer, analyzer: PortfolioAnalyzer)] = []

  mutating func tools(for scheme: Scheme) -> (scorer: ProjectScorer, analyzer: PortfolioAnalyzer) {
    if let entry = entries.last(where: { $0.scheme == scheme }) { return (entry.scorer, entry.analyzer) }
    let entry = (scheme, ProjectScorer(scheme: scheme), PortfolioAnalyzer(scheme: scheme))
    entries.append(entry)
    return (entry.1, entry.2)
  }
}
