/// Where a score's per-outcome and per-criterion breakdown comes from.
///
/// A scorer does not build the breakdown: it keeps the project's own outcome and rating arrays
/// (shared with the project, not copied) and the rules that scored them, and rebuilds the
/// breakdown when it is read. Scoring a portfolio then allocates nothing per project, and a
/// cached score stays a few cache lines. The breakdown is a pure function of those immutable
/// inputs, so reading it twice gives the same values.
enum ScoreBreakdown: Sendable {
  case derived(outcomes: [Outcome], ratings: [Rating], rules: ScoringRules)
  /// Given explicitly, through the public initializer or a setter.
  case stored(outcomes: [OutcomeScore], criteria: [CriterionScore])

  var outcomes: [OutcomeScore] {
    switch self {
    case .derived(let outcomes, _, let rules): rules.outcomeScores(outcomes)
    case .stored(let outcomes, _): outcomes
    }
  }

  var criteria: [CriterionScore] {
    switch self {
    case .derived(_, let ratings, let rules): rules.criterionScores(ratings)
    case .stored(_, let criteria): criteria
    }
  }

  /// Whether both breakdowns are certainly equal without rebuilding them: the same inputs
  /// under the same rules.
  func isIdentical(to other: ScoreBreakdown) -> Bool {
    guard case .derived(let outcomes, let ratings, let rules) = self,
      case .derived(let otherOutcomes, let otherRatings, let otherRules) = other
    else { return false }
    // Array equality answers at once for shared storage, the usual case.
    return rules === otherRules && outcomes == otherOutcomes && ratings == otherRatings
  }
}
