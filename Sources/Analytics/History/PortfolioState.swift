/// A portfolio as it stood at one moment: the scheme then active and the projects then held,
/// which is everything the method scores from.
///
/// The history computations (``PortfolioDiffer``, ``PortfolioTrend``) take states and never
/// read storage: the caller rebuilds each state (a snapshot, a revision, today) and hands it in.
public struct PortfolioState: Sendable, Hashable {
  public var scheme: Scheme
  public var projects: [Project]

  public init(scheme: Scheme, projects: [Project]) {
    self.scheme = scheme
    self.projects = projects
  }
}

/// A ``PortfolioState`` with one score per project, in the projects' order, so a caller that
/// already holds the scores (a daemon's score cache) does not pay for scoring again.
public struct ScoredPortfolioState: Sendable {
  public var state: PortfolioState
  /// `scores[i]` is the score of `state.projects[i]` under `state.scheme`.
  public var scores: [ProjectScore]

  /// Scores `state` with up to `lanes` threads.
  public init(_ state: PortfolioState, lanes: Int = 1) {
    self.state = state
    self.scores = ProjectScorer(scheme: state.scheme).score(state.projects, lanes: lanes)
  }

  /// Pairs `state` with scores computed earlier; `scores` must be the scores of `state.projects`
  /// under `state.scheme`, in the same order.
  public init(_ state: PortfolioState, scores: [ProjectScore]) {
    precondition(scores.count == state.projects.count, "one score per project")
    self.state = state
    self.scores = scores
  }
}

extension ScoredPortfolioState {
  /// The projects (and their scores) `filter` selects, in order; the state itself when it
  /// selects every project.
  public func selecting(_ filter: ProjectFilter) -> ScoredPortfolioState {
    guard !filter.selectsAll else { return self }
    let selection = Selection(filter: filter, index: SchemeIndex(scheme: state.scheme))
    var projects: [Project] = []
    var selected: [ProjectScore] = []
    scores.withUnsafeBufferPointer { buffer in
      for position in buffer.indices where selection.matches(buffer.baseAddress.unsafelyUnwrapped + position) {
        projects.append(state.projects[position])
        selected.append(buffer[position])
      }
    }
    return ScoredPortfolioState(PortfolioState(scheme: state.scheme, projects: projects), scores: selected)
  }
}
