public import Analytics

extension Impact_V1_CriterionScore {
  /// The message of `score`; an unrated criterion has no median and no spread.
  public init(_ score: CriterionScore) {
    self.init()
    criterion = score.criterion
    weight = score.weight
    if let median = score.median { self.median = median }
    ratingCount = Int64(score.ratingCount)
    if let spread = score.spread { self.spread = spread }
    values = Array(score.values)
  }
}
