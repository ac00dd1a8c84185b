/// One project of a comparison: its full score and where it stands in the selection.
public struct ComparisonEntry: Sendable, Hashable {
  public var score: ProjectScore
  public var rank: Int
  public var percentile: Double

  public init(score: ProjectScore, rank: Int, percentile: Double) {
    self.score = score
    self.rank = rank
    self.percentile = percentile
  }
}
