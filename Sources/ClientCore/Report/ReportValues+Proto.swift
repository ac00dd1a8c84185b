import ImpactAPI
import Localization
import Reports

// The daemon's answers as the values the Reports library draws: labels in the reader's
// language, classes and statuses by their stable names.

extension ReportScheme {
  /// The scheme with its labels in `language`.
  init(_ scheme: Impact_V1_Scheme, language: DisplayLanguage) {
    let labels = SchemeLabels(scheme: scheme, language: language)
    self.init(
      id: scheme.id,
      domains: scheme.domains.map {
        Domain(id: $0.id, label: labels.text($0.label, fallback: $0.id), strategic: $0.strategic)
      },
      criteria: scheme.criteria.map { criterion in
        Criterion(
          id: criterion.id, label: labels.text(criterion.label, fallback: criterion.id), weight: criterion.weight,
          levels: (0...4).map { level in criterion.levels[Int32(level)].map { labels.text($0, fallback: "") } ?? "" })
      },
      dimensionWeights: [
        scheme.quantitativeWeights.scale, scheme.quantitativeWeights.depth, scheme.quantitativeWeights.duration,
        scheme.quantitativeWeights.contribution,
      ],
      blend: scheme.blend, reachReference: scheme.reachReference, durationHorizonYears: scheme.durationHorizonYears,
      evidenceFactors: scheme.evidenceFactors,
      riskTypes: scheme.riskTypes.map { Domain(id: $0, label: labels.riskType($0), strategic: false) },
      unknownRisk: scheme.unknownRisk, coverageThreshold: scheme.coverageThreshold,
      insufficientDataBelow: scheme.insufficientDataBelow, discountRate: scheme.discountRate)
  }
}

extension PortfolioFigures {
  init(_ summary: Impact_V1_PortfolioSummary) {
    self.init(
      projects: Int(summary.projects), totalAmount: summary.totalAmount, weightedComposite: summary.weightedComposite,
      weightedQuantitative: summary.weightedQuantitative, weightedQualitative: summary.weightedQualitative,
      weightedDepth: summary.weightedDepth, hhi: summary.hhi, effectiveDomains: summary.effectiveDomains,
      coverage: summary.coverage, deepCoverage: summary.deepCoverage,
      socialValue: summary.hasSocialValue ? summary.socialValue : nil, sroi: summary.hasSroi ? summary.sroi : nil,
      exposure: Dictionary(summary.exposure.map { ($0.domain, $0.value) }, uniquingKeysWith: { first, _ in first }),
      impactWeightedExposure: Dictionary(
        summary.impactWeightedExposure.map { ($0.domain, $0.value) }, uniquingKeysWith: { first, _ in first }),
      coveredDomains: summary.coveredDomains, gaps: summary.gaps,
      matrix: summary.matrix.map {
        MatrixCell(
          domain: $0.domain, depthClass: $0.depthClass.displayName, outcomes: Int($0.outcomes), amount: $0.amount)
      })
  }
}

extension ProjectEntry {
  /// A project's entry from its score, with its reach from the project when known.
  init(_ score: Impact_V1_ProjectScore, reach: Double?) {
    var dimensions = [0.0, 0.0, 0.0, 0.0]
    var missing = [0, 0, 0, 0]
    for outcome in score.outcomes {
      let values: [Double?] = [
        outcome.hasScale ? outcome.scale : nil, outcome.hasDepth ? outcome.depth : nil,
        outcome.hasDuration ? outcome.duration : nil, outcome.hasContribution ? outcome.contribution : nil,
      ]
      for (index, value) in values.enumerated() {
        if let value { dimensions[index] += outcome.share * value } else { missing[index] += 1 }
      }
    }
    self.init(
      id: score.projectID, name: score.name, status: score.status.displayName, programme: score.programme,
      territory: score.territory, amount: score.amount, rank: Int(score.rank), rankScore: score.rankScore,
      composite: score.composite, quantitative: score.quantitative, qualitative: score.qualitative,
      confidence: score.confidence, depth: score.depth, depthClass: score.depthClass.displayName,
      completeness: score.completeness, insufficientData: score.insufficientData,
      impactClass: score.impactClass.displayName, contribution: score.contribution, reach: reach,
      socialValue: score.hasSocialValue ? score.socialValue : nil, sroi: score.hasSroi ? score.sroi : nil,
      dimensions: dimensions, missingDimensions: missing, outcomeCount: score.outcomes.count,
      criteria: score.criteria.map { $0.hasMedian ? $0.median : nil })
  }

  /// The people a project reaches: the sum of its outcomes' reach; nil when none says.
  static func reach(of project: Impact_V1_Project) -> Double? {
    let known = project.outcomes.filter(\.hasReach).map(\.reach)
    return known.isEmpty ? nil : known.reduce(0, +)
  }
}

extension ProjectSheetInput.Outcome {
  init(_ outcome: Impact_V1_Outcome?, score: Impact_V1_OutcomeScore, observations: [Impact_V1_Observation]) {
    self.init(
      id: score.outcomeID, domain: score.domain, share: score.share, indicator: outcome?.indicator ?? "",
      unit: outcome?.unit ?? "", lowerIsBetter: outcome?.direction == .lowerIsBetter,
      baseline: outcome?.hasBaseline == true ? outcome?.baseline : nil,
      threshold: outcome?.hasThreshold == true ? outcome?.threshold : nil,
      target: outcome?.hasTarget == true ? outcome?.target : nil,
      actual: outcome?.hasActual == true ? outcome?.actual : nil,
      reach: outcome?.hasReach == true ? outcome?.reach : nil,
      dimensions: [
        score.hasScale ? score.scale : nil, score.hasDepth ? score.depth : nil,
        score.hasDuration ? score.duration : nil,
        score.hasContribution ? score.contribution : nil,
      ],
      quantitative: score.quantitative, depthClass: score.depthClass.displayName,
      outcomeClass: score.outcomeClass.displayName, gapClosed: score.hasGapClosed ? score.gapClosed : nil,
      progressToTarget: score.hasProgressToTarget ? score.progressToTarget : nil,
      observations: observations.filter { $0.outcomeID == score.outcomeID }.map {
        Observation(period: $0.period, value: $0.value)
      })
  }
}
