public import Analytics

extension Impact_V1_PortfolioSummary {
  /// The message of `summary`; the coverage matrix lists its non-empty cells only.
  public init(_ summary: PortfolioSummary) {
    self.init()
    schemeID = summary.schemeID
    projects = Int64(summary.projects)
    totalAmount = summary.totalAmount
    weightedComposite = summary.weightedComposite
    weightedQuantitative = summary.weightedQuantitative
    weightedQualitative = summary.weightedQualitative
    weightedDepth = summary.weightedDepth
    exposure = summary.exposure.map { Impact_V1_DomainFigure($0) }
    impactWeightedExposure = summary.impactWeightedExposure.map { Impact_V1_DomainFigure($0) }
    hhi = summary.hhi
    effectiveDomains = summary.effectiveDomains
    coverage = summary.coverage
    deepCoverage = summary.deepCoverage
    coveredDomains = summary.coveredDomains
    gaps = summary.gaps
    matrix = summary.matrix.cells.map { Impact_V1_MatrixCell($0) }
    contributions = summary.contributions.map { Impact_V1_ProjectContribution($0) }
    if let socialValue = summary.socialValue { self.socialValue = socialValue }
    if let sroi = summary.sroi { self.sroi = sroi }
  }
}
