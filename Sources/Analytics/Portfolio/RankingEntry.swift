/// A project's place in a ranking.
public struct RankingEntry: Sendable, Hashable {
  public var projectID: String
  /// 1 for the highest rank score; ties share a rank (1, 2, 2, 4).
  public var rank: Int
  public var rankScore: Double
  public var composite: Double
  /// The share of the rest of the selection with a strictly lower rank score, 0–100
  /// (100 for the top of the selection, and for a selection of one).
  public var percentile: Double

  public init(projectID: String, rank: Int, rankScore: Double, composite: Double, percentile: Double) {
    self.projectID = projectID
    self.rank = rank
    self.rankScore = rankScore
    self.composite = composite
    self.percentile = percentile
  }
}
