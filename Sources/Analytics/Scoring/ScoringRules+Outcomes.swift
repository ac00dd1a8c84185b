import Foundation

/// The quantitative score: each outcome's dimensions, classes and social value.
extension ScoringRules {
  /// The breakdown of `outcomes`, in order.
  func outcomeScores(_ outcomes: [Outcome]) -> [OutcomeScore] {
    outcomes.withUnsafeBufferPointer { outcomes in
      let equalShares = outcomes.allSatisfy { $0.share == nil }
      let equalShare = outcomes.isEmpty ? 0 : 1 / Double(outcomes.count)
      return outcomes.indices.map { position in
        let outcome = outcomes.baseAddress.unsafelyUnwrapped + position
        let figures = figures(of: outcome)
        return OutcomeScore(
          id: outcome.pointee.id,
          domain: outcome.pointee.domain,
          domainIndex: domainIndex(of: outcome),
          share: equalShares ? equalShare : (outcome.pointee.share ?? 0),
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
  }

  /// The position of the outcome's domain in the scheme, `nil` when the scheme lacks it.
  @inline(__always)
  func domainIndex(of outcome: UnsafePointer<Outcome>) -> Int? {
    guard let domainOffset else { return index.domainIndex(of: outcome.pointee.domain) }
    return index.domains.position(ofStringAt: UnsafeRawPointer(outcome) + domainOffset)
  }

  /// The figures of the outcome at `outcome`, read field by field.
  @inline(__always)
  func figures(of outcome: UnsafePointer<Outcome>) -> OutcomeFigures {
    let weights = scheme.quantitativeWeights

    let scale = outcome.pointee.reach.map(scaleScore(reach:))

    var gapClosed: Double?
    if let actual = outcome.pointee.actual, let baseline = outcome.pointee.baseline,
      let threshold = outcome.pointee.threshold, threshold != baseline
    {
      gapClosed = (actual - baseline) / (threshold - baseline)
    }
    var depth: Double?
    if let gapClosed {
      depth = 4 * min(max(gapClosed, 0), 1)
    } else if let survey = outcome.pointee.survey {
      depth = 4 * min(max(survey.veryMuch + 0.5 * survey.slightly, 0), 1)
    }

    var duration: Double?
    if let years = outcome.pointee.durationYears {
      duration = durationScore(years: years, dropOff: outcome.pointee.dropOff ?? 0)
    }

    var contribution: Double?
    var retainedFraction: Double?
    if let deadweight = outcome.pointee.deadweight, let attribution = outcome.pointee.attribution {
      let fraction = (1 - deadweight) * (1 - attribution) * (1 - (outcome.pointee.displacement ?? 0))
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
    if outcome.pointee.harmful {
      outcomeClass = .harm
    } else if (depth ?? 0) > 0, (contribution ?? 0) > 0 {
      outcomeClass = outcome.pointee.nature == .mitigation ? .actToAvoidHarm : .contributeToSolutions
    } else if let gapClosed, gapClosed >= 1 {
      outcomeClass = .benefitStakeholders
    } else {
      outcomeClass = .unclassified
    }

    var progressToTarget: Double?
    if let actual = outcome.pointee.actual, let baseline = outcome.pointee.baseline,
      let target = outcome.pointee.target, target != baseline
    {
      progressToTarget = (actual - baseline) / (target - baseline)
    }

    var socialValue: Double?
    if let proxy = outcome.pointee.financialProxy, let reach = outcome.pointee.reach,
      let years = outcome.pointee.durationYears, let retainedFraction
    {
      socialValue = presentValue(
        yearlyValue: reach * proxy * retainedFraction,
        years: years,
        dropOff: outcome.pointee.dropOff ?? 0
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
}
