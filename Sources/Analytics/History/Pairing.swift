/// The projects of two states matched by id: those both hold (and among them those whose
/// inputs or score differ), those only the later one holds, those only the earlier one holds.
struct Pairing: Sendable {
  struct Pair: Sendable {
    /// Positions in the earlier and the later state.
    var before: Int
    var after: Int
  }

  var common: [Pair] = []
  var changed: [Pair] = []
  /// Positions in the later state.
  var added: [Int] = []
  /// Positions in the earlier state.
  var removed: [Int] = []

  init(before: ScoredPortfolioState, after: ScoredPortfolioState, schemesDiffer: Bool) {
    var positions: [String: Int] = [:]
    positions.reserveCapacity(before.state.projects.count)
    for (position, project) in before.state.projects.enumerated() where positions[project.id] == nil {
      positions[project.id] = position
    }
    var matched = [Bool](repeating: false, count: before.state.projects.count)
    common.reserveCapacity(min(before.state.projects.count, after.state.projects.count))
    for (position, project) in after.state.projects.enumerated() {
      guard let old = positions[project.id], !matched[old] else {
        added.append(position)
        continue
      }
      matched[old] = true
      let pair = Pair(before: old, after: position)
      common.append(pair)
      if before.state.projects[old] != project
        || (schemesDiffer && Self.figuresDiffer(before.scores[old], after.scores[position]))
      {
        changed.append(pair)
      }
    }
    for position in matched.indices where !matched[position] { removed.append(position) }
  }

  /// Whether two scores of the same inputs under two schemes show different figures.
  static func figuresDiffer(_ lhs: ProjectScore, _ rhs: ProjectScore) -> Bool {
    lhs.composite != rhs.composite || lhs.rankScore != rhs.rankScore || lhs.quantitative != rhs.quantitative
      || lhs.qualitative != rhs.qualitative || lhs.depth != rhs.depth || lhs.confidence != rhs.confidence
      || lhs.completeness != rhs.completeness || lhs.impactClass != rhs.impactClass
      || lhs.insufficientData != rhs.insufficientData || lhs.socialValue != rhs.socialValue || lhs.sroi != rhs.sroi
  }
}
