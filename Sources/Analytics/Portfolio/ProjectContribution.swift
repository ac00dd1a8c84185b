/// A project's contribution to the selection's global impact: a_i R_i / Σ_j a_j R_j.
public struct ProjectContribution: Sendable, Hashable {
  public var projectID: String
  public var contribution: Double

  public init(projectID: String, contribution: Double) {
    self.projectID = projectID
    self.contribution = contribution
  }
}

extension ProjectContribution {
  /// Whether `self` comes before `other` among the largest: the larger contribution first,
  /// ties by project id.
  public func isLarger(than other: ProjectContribution) -> Bool {
    contribution != other.contribution ? contribution > other.contribution : projectID < other.projectID
  }

  /// The `limit` largest of `contributions`, largest first (ties by project id), found in one
  /// pass that keeps only `limit` of them: a summary of 100 000 projects lists its top 20
  /// without sorting them all.
  public static func largest(_ contributions: [ProjectContribution], limit: Int) -> [ProjectContribution] {
    guard limit > 0 else { return [] }
    var kept: [ProjectContribution] = []
    kept.reserveCapacity(min(limit, contributions.count) + 1)
    for candidate in contributions {
      if kept.count == limit, let last = kept.last, !candidate.isLarger(than: last) { continue }
      // Binary search for the first kept entry the candidate is larger than.
      var low = 0
      var high = kept.count
      while low < high {
        let middle = (low + high) / 2
        if kept[middle].isLarger(than: candidate) { low = middle + 1 } else { high = middle }
      }
      kept.insert(candidate, at: low)
      if kept.count > limit { kept.removeLast() }
    }
    return kept
  }
}
