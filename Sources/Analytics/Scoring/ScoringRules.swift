import Foundation

/// A scheme's constants in the form scoring reads them, shared by a scorer and every score it
/// makes so a score can rebuild its breakdown (see ``ScoreBreakdown``).
final class ScoringRules: Sendable {
  let scheme: Scheme
  let index: SchemeIndex

  // The longest horizon a duration or social value is computed over; the method allows 50
  // years, the cap only keeps an unvalidated value from looping for long.
  static let maximumYears = 1_000

  init(scheme: Scheme) {
    self.scheme = scheme
    self.index = SchemeIndex(scheme: scheme)
  }

  /// The score of `project`, its breakdown left to be rebuilt on request.
  func score(_ project: Project) -> ProjectScore {
    withUnsafePointer(to: project) { score(at: $0) }
  }

  /// The score of the project at `project`, read field by field: passing the project itself
  /// from a buffer makes the compiler copy it whole, retaining every field (name, risks...) of
  /// a project that is usually cold in the cache.
  func score(at project: UnsafePointer<Project>) -> ProjectScore {
    let outcomes = project.pointee.outcomes
    var equalShares = true
    for outcome in outcomes where outcome.share != nil {
      equalShares = false
      break
    }
    let equalShare = outcomes.isEmpty ? 0 : 1 / Double(outcomes.count)

    var quantitative = 0.0
    var depth = 0.0
    var outcomeCompleteness = 0.0
    var socialValue: Double?
    var impactClass = ImpactClass.unclassified
    var mix = DomainMix()
    for outcome in outcomes {
      let share = equalShares ? equalShare : (outcome.share ?? 0)
      let scored = figures(of: outcome)
      quantitative += share * scored.quantitative
      depth += share * (scored.depth ?? 0)
      outcomeCompleteness += share * scored.completeness
      if let value = scored.socialValue {
        socialValue = (socialValue ?? 0) + value
      }
      if scored.outcomeClass.projectPrecedence > impactClass.projectPrecedence {
        impactClass = scored.outcomeClass
      }
      mix.append(domainIndex: index.domainIndex(of: outcome.domain), depthOrdinal: scored.depthClass.ordinal, share: share)
    }

    let (qualitative, ratedWeight) = qualitative(project.pointee.ratings)

    let evidenceFactor = evidenceFactor(level: project.pointee.evidenceLevel)
    var riskSum = 0
    for value in project.pointee.risks.values {
      riskSum &+= value
    }
    let ratedRiskCount = project.pointee.risks.count
    let meanRisk = ratedRiskCount == 0 ? scheme.unknownRisk : Double(riskSum) / Double(ratedRiskCount)
    let confidence = evidenceFactor * (1 - meanRisk / 6)
    let blend = scheme.blend
    let composite = confidence * (blend * quantitative + (1 - blend) * qualitative)
    let completeness = blend * outcomeCompleteness + (1 - blend) * ratedWeight
    let amount = project.pointee.amount
    let sroi: Double? =
      if let socialValue, amount > 0 { socialValue / amount } else { nil }

    return ProjectScore(
      projectID: project.pointee.id,
      schemeID: scheme.id,
      status: project.pointee.status,
      programme: project.pointee.programme,
      territory: project.pointee.territory,
      amount: amount,
      breakdown: .derived(outcomes: outcomes, ratings: project.pointee.ratings, rules: self),
      domainMix: mix,
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

  /// E for a Nesta level; an absent level counts as level 1 and a level out of range is
  /// clamped to the scheme's table.
  func evidenceFactor(level: Int?) -> Double {
    let factors = scheme.evidenceFactors
    guard !factors.isEmpty else { return 1 }
    let position = min(max((level ?? 1) - 1, 0), factors.count - 1)
    return factors[position]
  }

  // MARK: Outcomes

  /// The breakdown of `outcomes`, in order.
  func outcomeScores(_ outcomes: [Outcome]) -> [OutcomeScore] {
    let equalShares = outcomes.allSatisfy { $0.share == nil }
    let equalShare = outcomes.isEmpty ? 0 : 1 / Double(outcomes.count)
    return outcomes.map { outcome in
      let figures = figures(of: outcome)
      return OutcomeScore(
        id: outcome.id,
        domain: outcome.domain,
        domainIndex: index.domainIndex(of: outcome.domain),
        share: equalShares ? equalShare : (outcome.share ?? 0),
        scale: figures.scale,
        depth: figures.depth,
        duration: figures.duration,
        contribution: figures.contribution,
        quantitative: figures.quantitative,
        completeness: figures.completeness,
        depthClass: figures.depthClass,
        outcomeClass: figures.outcomeClass,
        gapClosed: figures.gapClosed,
        progressToTarget: figures.progressToTarget,
        socialValue: figures.socialValue
      )
    }
  }

  @inline(__always)
  func figures(of outcome: Outcome) -> OutcomeFigures {
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

    return OutcomeFigures(
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

  // MARK: Criteria

  /// L = 25 · Σ w_c · median_c, and the total weight of the rated criteria.
  func qualitative(_ ratings: [Rating]) -> (qualitative: Double, ratedWeight: Double) {
    let weights = index.criterionWeights
    var weightedSum = 0.0
    var ratedWeight = 0.0
    forEachCriterion(ratings) { criterion, values in
      guard let median = Self.median(ofSorted: values) else { return }
      weightedSum += weights[criterion] * median
      ratedWeight += weights[criterion]
    }
    return (25 * weightedSum, ratedWeight)
  }

  /// The breakdown of `ratings` by criterion of the scheme, in the scheme's order.
  ///
  /// Every criterion's values live in one buffer, grouped by criterion and sorted within each
  /// group; each ``CriterionScore`` holds a slice of it.
  func criterionScores(_ ratings: [Rating]) -> [CriterionScore] {
    let criterionIDs = index.criterionIDs
    let weights = index.criterionWeights
    var values: [Double] = []
    values.reserveCapacity(ratings.count)
    var bounds: [Range<Int>] = Array(repeating: 0..<0, count: criterionIDs.count)
    forEachCriterion(ratings) { criterion, sorted in
      let lower = values.count
      values.append(contentsOf: sorted)
      bounds[criterion] = lower..<values.count
    }
    return criterionIDs.indices.map { criterion in
      let group = values[bounds[criterion]]
      return CriterionScore(
        criterion: criterionIDs[criterion],
        weight: weights[criterion],
        median: group.withUnsafeBufferPointer { Self.median(ofSorted: $0) },
        ratingCount: group.count,
        spread: group.last.map { $0 - group[group.startIndex] },
        values: group
      )
    }
  }

  /// Calls `body` with each criterion of the scheme (in order) and its ratings' values,
  /// ascending, in a buffer on the stack: scoring a project allocates nothing for its ratings.
  @inline(__always)
  func forEachCriterion(_ ratings: [Rating], _ body: (Int, UnsafeBufferPointer<Double>) -> Void) {
    let criterionCount = index.criterionIDs.count
    let count = ratings.count
    withUnsafeTemporaryAllocation(of: Int.self, capacity: count) { slots in
      withUnsafeTemporaryAllocation(of: Double.self, capacity: count) { values in
        // Each rating's criterion is looked up once.
        ratings.withUnsafeBufferPointer { ratings in
          // Ratings usually come grouped by criterion, so the criterion of the previous
          // rating or the next one is tried first: a match of equal strings is a cheap
          // comparison, a mismatch is not.
          let ids = index.criterionIDs
          var expected = 0
          for position in 0..<count {
            let id = ratings[position].criterion
            var found = -1
            if expected < criterionCount, ids[expected] == id {
              found = expected
            } else if expected + 1 < criterionCount, ids[expected + 1] == id {
              found = expected + 1
            } else {
              found = index.criterionIndex(of: id) ?? -1
            }
            slots[position] = found
            if found >= 0 { expected = found }
          }
          for criterion in 0..<criterionCount {
            var end = 0
            for position in 0..<count where slots[position] == criterion {
              // Insertion keeps the group sorted; groups hold a few ratings.
              let value = ratings[position].value
              var slot = end
              while slot > 0, values[slot - 1] > value {
                values[slot] = values[slot - 1]
                slot -= 1
              }
              values[slot] = value
              end += 1
            }
            body(criterion, UnsafeBufferPointer(rebasing: values[0..<end]))
          }
        }
      }
    }
  }

  /// The median of ascending `values` (mean of the two middle values for an even count);
  /// `nil` when there is none.
  @inline(__always)
  static func median(ofSorted values: UnsafeBufferPointer<Double>) -> Double? {
    let count = values.count
    guard count > 0 else { return nil }
    let middle = count / 2
    return count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
  }
}
