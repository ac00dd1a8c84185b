import Foundation

/// Scores projects under one scheme, following the impact-v1 method (`methodology.md`).
///
/// Build one scorer per scheme and reuse it: the scheme's ids are interned once, so scoring a
/// project does no string-keyed lookups and allocates only the arrays the score keeps.
/// The scorer assumes validated input but never traps on odd values: zero amounts, missing
/// ratings or an indicator without a threshold give absent or zero figures, not a crash.
///
/// ```swift
/// let scorer = ProjectScorer(scheme: .impactV1)
/// let score = scorer.score(project)
/// print(score.composite, score.impactClass)
/// ```
public struct ProjectScorer: Sendable {
  public let scheme: Scheme
  public let index: SchemeIndex

  // The longest horizon a duration or social value is computed over; the method allows 50
  // years, the cap only keeps an unvalidated value from looping for long.
  static let maximumYears = 1_000

  public init(scheme: Scheme) {
    self.scheme = scheme
    self.index = SchemeIndex(scheme: scheme)
  }

  /// The score of `project` under the scorer's scheme.
  public func score(_ project: Project) -> ProjectScore {
    let equalShares = project.outcomes.allSatisfy { $0.share == nil }
    let equalShare = project.outcomes.isEmpty ? 0 : 1 / Double(project.outcomes.count)

    var outcomes: [OutcomeScore] = []
    outcomes.reserveCapacity(project.outcomes.count)
    var quantitative = 0.0
    var depth = 0.0
    var outcomeCompleteness = 0.0
    var socialValue: Double?
    var impactClass = ImpactClass.unclassified
    for outcome in project.outcomes {
      let share = equalShares ? equalShare : (outcome.share ?? 0)
      let scored = score(outcome, share: share)
      quantitative += share * scored.quantitative
      depth += share * (scored.depth ?? 0)
      outcomeCompleteness += share * scored.completeness
      if let value = scored.socialValue {
        socialValue = (socialValue ?? 0) + value
      }
      if scored.outcomeClass.projectPrecedence > impactClass.projectPrecedence {
        impactClass = scored.outcomeClass
      }
      outcomes.append(scored)
    }

    let (criteria, qualitative, ratedWeight) = scoreCriteria(project.ratings)

    let evidenceFactor = evidenceFactor(level: project.evidenceLevel)
    var riskSum = 0
    for value in project.risks.values {
      riskSum &+= value
    }
    let ratedRiskCount = project.risks.count
    let meanRisk = ratedRiskCount == 0 ? scheme.unknownRisk : Double(riskSum) / Double(ratedRiskCount)
    let confidence = evidenceFactor * (1 - meanRisk / 6)
    let blend = scheme.blend
    let composite = confidence * (blend * quantitative + (1 - blend) * qualitative)
    let completeness = blend * outcomeCompleteness + (1 - blend) * ratedWeight
    let sroi: Double? =
      if let socialValue, project.amount > 0 { socialValue / project.amount } else { nil }

    return ProjectScore(
      projectID: project.id,
      schemeID: scheme.id,
      status: project.status,
      programme: project.programme,
      territory: project.territory,
      amount: project.amount,
      outcomes: outcomes,
      criteria: criteria,
      quantitative: quantitative,
      qualitative: qualitative,
      depth: depth,
      depthClass: DepthClass(depth: depth),
      evidenceFactor: evidenceFactor,
      meanRisk: meanRisk,
      ratedRiskCount: ratedRiskCount,
      confidence: confidence,
      composite: composite,
      completeness: completeness,
      insufficientData: completeness < scheme.insufficientDataBelow,
      impactClass: impactClass,
      rankScore: impactClass == .harm ? 0 : composite,
      socialValue: socialValue,
      sroi: sroi
    )
  }

  /// The scores of every project, in order.
  public func score(_ projects: [Project]) -> [ProjectScore] {
    projects.withUnsafeBufferPointer { buffer in
      [ProjectScore](unsafeUninitializedCapacity: buffer.count) { scores, initialized in
        guard let base = scores.baseAddress else { return }
        for position in buffer.indices {
          (base + position).initialize(to: score(buffer[position]))
          initialized = position + 1
        }
      }
    }
  }

  /// E for a Nesta level; an absent level counts as level 1 and a level out of range is
  /// clamped to the scheme's table.
  func evidenceFactor(level: Int?) -> Double {
    let factors = scheme.evidenceFactors
    guard !factors.isEmpty else { return 1 }
    let position = min(max((level ?? 1) - 1, 0), factors.count - 1)
    return factors[position]
  }

  func score(_ outcome: Outcome, share: Double) -> OutcomeScore {
    let weights = scheme.quantitativeWeights

    let scale = outcome.reach.map(scaleScore(reach:))

    var gapClosed: Double?
    if let actual = outcome.actual, let baseline = outcome.baseline, let threshold = outcome.threshold,
      threshold != baseline
    {
      gapClosed = (actual - baseline) / (threshold - baseline)
    }
    var depth: Double?
    if let gapClosed {
      depth = 4 * min(max(gapClosed, 0), 1)
    } else if let survey = outcome.survey {
      depth = 4 * min(max(survey.veryMuch + 0.5 * survey.slightly, 0), 1)
    }

    var duration: Double?
    if let years = outcome.durationYears {
      duration = durationScore(years: years, dropOff: outcome.dropOff ?? 0)
    }

    var contribution: Double?
    var retainedFraction: Double?
    if let deadweight = outcome.deadweight, let attribution = outcome.attribution {
      let fraction = (1 - deadweight) * (1 - attribution) * (1 - (outcome.displacement ?? 0))
      retainedFraction = fraction
      contribution = 4 * fraction
    }

    var weightedSum = 0.0
    var completeness = 0.0
    if let scale {
      weightedSum += weights.scale * scale
      completeness += weights.scale
    }
    if let depth {
      weightedSum += weights.depth * depth
      completeness += weights.depth
    }
    if let duration {
      weightedSum += weights.duration * duration
      completeness += weights.duration
    }
    if let contribution {
      weightedSum += weights.contribution * contribution
      completeness += weights.contribution
    }

    let outcomeClass: ImpactClass
    if outcome.harmful {
      outcomeClass = .harm
    } else if (depth ?? 0) > 0, (contribution ?? 0) > 0 {
      outcomeClass = outcome.nature == .mitigation ? .actToAvoidHarm : .contributeToSolutions
    } else if let gapClosed, gapClosed >= 1 {
      outcomeClass = .benefitStakeholders
    } else {
      outcomeClass = .unclassified
    }

    var progressToTarget: Double?
    if let actual = outcome.actual, let baseline = outcome.baseline, let target = outcome.target,
      target != baseline
    {
      progressToTarget = (actual - baseline) / (target - baseline)
    }

    var socialValue: Double?
    if let proxy = outcome.financialProxy, let reach = outcome.reach, let years = outcome.durationYears,
      let retainedFraction
    {
      socialValue = presentValue(
        yearlyValue: reach * proxy * retainedFraction,
        years: years,
        dropOff: outcome.dropOff ?? 0
      )
    }

    return OutcomeScore(
      id: outcome.id,
      domain: outcome.domain,
      domainIndex: index.domainIndex(of: outcome.domain),
      share: share,
      scale: scale,
      depth: depth,
      duration: duration,
      contribution: contribution,
      quantitative: 25 * weightedSum,
      completeness: completeness,
      depthClass: DepthClass(depth: depth ?? 0),
      outcomeClass: outcomeClass,
      gapClosed: gapClosed,
      progressToTarget: progressToTarget,
      socialValue: socialValue
    )
  }

  func scaleScore(reach: Double) -> Double {
    let reference = index.logReachReference
    guard reference > 0 else { return reach > 0 ? 4 : 0 }
    return 4 * min(1, log10(1 + max(reach, 0)) / reference)
  }

  /// U = 4 · min(1, Σ_{t=0}^{T−1} (1 − drop_off)^t / H).
  func durationScore(years: Int, dropOff: Double) -> Double {
    var retained = 1.0
    var sum = 0.0
    for _ in 0..<min(max(years, 0), Self.maximumYears) {
      sum += retained
      retained *= 1 - dropOff
    }
    let horizon = scheme.durationHorizonYears
    guard horizon > 0 else { return sum > 0 ? 4 : 0 }
    return 4 * min(1, sum / horizon)
  }

  /// Σ_{t=1}^{T} value · (1 − drop_off)^{t−1} / (1 + r)^t.
  func presentValue(yearlyValue: Double, years: Int, dropOff: Double) -> Double {
    let growth = 1 + scheme.discountRate
    var discount = 1.0
    var retained = 1.0
    var value = 0.0
    for _ in 0..<min(max(years, 0), Self.maximumYears) {
      discount *= growth
      value += yearlyValue * retained / discount
      retained *= 1 - dropOff
    }
    return value
  }

  /// The per-criterion medians, L, and the total weight of the rated criteria.
  ///
  /// Every criterion's values live in one buffer, grouped by criterion and sorted within each
  /// group; each ``CriterionScore`` holds a slice of it, so a project's ratings cost one
  /// allocation however many criteria the scheme has.
  func scoreCriteria(_ ratings: [Rating]) -> (criteria: [CriterionScore], qualitative: Double, ratedWeight: Double) {
    let criterionIDs = index.criterionIDs
    let weights = index.criterionWeights
    let criterionCount = criterionIDs.count
    var values: [Double] = []
    values.reserveCapacity(ratings.count)
    var criteria: [CriterionScore] = []
    criteria.reserveCapacity(criterionCount)
    var weightedSum = 0.0
    var ratedWeight = 0.0
    withUnsafeTemporaryAllocation(of: Int.self, capacity: ratings.count + criterionCount + 1) { slots in
      // Each rating's criterion is looked up once; the tail of `slots` keeps where each
      // criterion's group starts in `values`.
      for (position, rating) in ratings.enumerated() {
        slots[position] = index.criterionIndex(of: rating.criterion) ?? -1
      }
      let groupStart = ratings.count
      for criterion in 0..<criterionCount {
        slots[groupStart + criterion] = values.count
        for position in ratings.indices where slots[position] == criterion {
          // Insertion keeps the group sorted; groups hold a few ratings.
          var slot = values.count
          values.append(ratings[position].value)
          let value = values[slot]
          while slot > slots[groupStart + criterion], values[slot - 1] > value {
            values[slot] = values[slot - 1]
            slot -= 1
          }
          values[slot] = value
        }
      }
      slots[groupStart + criterionCount] = values.count
      for criterion in 0..<criterionCount {
        let lower = slots[groupStart + criterion]
        let upper = slots[groupStart + criterion + 1]
        let count = upper - lower
        var median: Double?
        var spread: Double?
        if count > 0 {
          let middle = lower + count / 2
          let value = count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
          median = value
          spread = values[upper - 1] - values[lower]
          weightedSum += weights[criterion] * value
          ratedWeight += weights[criterion]
        }
        criteria.append(
          CriterionScore(
            criterion: criterionIDs[criterion],
            weight: weights[criterion],
            median: median,
            ratingCount: count,
            spread: spread,
            values: values[lower..<upper]
          )
        )
      }
    }
    return (criteria, 25 * weightedSum, ratedWeight)
  }
}
