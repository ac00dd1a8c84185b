public import Analytics

extension Impact_V1_OutcomeScore {
  /// The message of `score`; absent dimensions and figures stay unset.
  public init(_ score: OutcomeScore) {
    self.init()
    outcomeID = score.id
    domain = score.domain
    share = score.share
    if let scale = score.scale { self.scale = scale }
    if let depth = score.depth { self.depth = depth }
    if let duration = score.duration { self.duration = duration }
    if let contribution = score.contribution { self.contribution = contribution }
    quantitative = score.quantitative
    completeness = score.completeness
    depthClass = Impact_V1_DepthClass(score.depthClass)
    outcomeClass = Impact_V1_ImpactClass(score.outcomeClass)
    if let gapClosed = score.gapClosed { self.gapClosed = gapClosed }
    if let progressToTarget = score.progressToTarget { self.progressToTarget = progressToTarget }
    if let socialValue = score.socialValue { self.socialValue = socialValue }
  }
}
