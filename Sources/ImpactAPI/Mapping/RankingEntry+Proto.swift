public import Analytics

extension Impact_V1_RankedProject {
  /// The message of a ranking `entry`, completed from the project's `score` and `name`.
  public init(_ entry: RankingEntry, score: ProjectScore, name: String) {
    self.init()
    projectID = entry.projectID
    self.name = name
    rank = Int32(clamping: entry.rank)
    rankScore = entry.rankScore
    composite = entry.composite
    percentile = entry.percentile
    impactClass = Impact_V1_ImpactClass(score.impactClass)
    amount = score.amount
    insufficientData = score.insufficientData
  }
}
