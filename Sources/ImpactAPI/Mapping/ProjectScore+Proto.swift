public import Analytics

extension Impact_V1_ProjectScore {
  /// The message of `score`, with what depends on more than the project: its `name` (not kept
  /// in the score), its `rank`, `percentile` and `contribution` in the ranking context, and an
  /// `explanation` when the request asked for one.
  public init(
    _ score: ProjectScore,
    name: String,
    rank: Int,
    percentile: Double,
    contribution: Double,
    explanation: ScoreExplanation? = nil
  ) {
    self.init()
    projectID = score.projectID
    self.name = name
    schemeID = score.schemeID
    status = Impact_V1_ProjectStatus(score.status)
    programme = score.programme
    territory = score.territory
    amount = score.amount
    quantitative = score.quantitative
    qualitative = score.qualitative
    composite = score.composite
    confidence = score.confidence
    evidenceFactor = score.evidenceFactor
    meanRisk = score.meanRisk
    ratedRiskCount = Int64(score.ratedRiskCount)
    depth = score.depth
    depthClass = Impact_V1_DepthClass(score.depthClass)
    completeness = score.completeness
    insufficientData = score.insufficientData
    impactClass = Impact_V1_ImpactClass(score.impactClass)
    rankScore = score.rankScore
    self.rank = Int32(clamping: rank)
    self.percentile = percentile
    self.contribution = contribution
    if let socialValue = score.socialValue { self.socialValue = socialValue }
    if let sroi = score.sroi { self.sroi = sroi }
    outcomes = score.outcomes.map { Impact_V1_OutcomeScore($0) }
    criteria = score.criteria.map { Impact_V1_CriterionScore($0) }
    domainShares = score.domainShares.map { Impact_V1_DomainShare($0) }
    if let explanation { self.explanation = Impact_V1_Explanation(explanation) }
  }
}
