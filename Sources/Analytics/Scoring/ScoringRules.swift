import Foundation

/// A scheme's constants in the form scoring reads them, shared by a scorer and every score it
/// makes so a score can rebuild its breakdown (see ``ScoreBreakdown``).
///
/// Scoring reads a project where it lies, through pointers, field by field: copying a project,
/// an outcome or a rating out of its array would retain each of its strings, touching memory
/// (names, units, comments) that scoring never reads and that is cold when a whole portfolio
/// is scored.
final class ScoringRules: Sendable {
  let scheme: Scheme
  let index: SchemeIndex
  /// Where `Outcome.domain` and `Rating.criterion` lie in their values, so their ids are
  /// looked up in place (see ``IdentifierTable``); `nil` only if the layout does not say,
  /// which makes the lookups copy the strings.
  let domainOffset = MemoryLayout<Outcome>.offset(of: \Outcome.domain)
  let criterionOffset = MemoryLayout<Rating>.offset(of: \Rating.criterion)

  // The longest horizon a duration or social value is computed over; the method allows 50
  // years, the cap only keeps an unvalidated value from looping for long.
  static let maximumYears = 1_000

  init(scheme: Scheme) {
    self.scheme = scheme
    self.index = SchemeIndex(scheme: scheme)
  }

  /// The score of `project`, its breakdown left to be rebuilt on request.
  func score(_ project: Project) -> ProjectScore {
    withUnsafePointer(to: project) { project in
      withUnsafeTemporaryAllocation(of: ProjectScore.self, capacity: 1) { score in
        let address = score.baseAddress.unsafelyUnwrapped
        self.score(at: project, into: address)
        return address.move()
      }
    }
  }

  /// Writes the score of the project at `project` to the uninitialized memory at `score`,
  /// field by field: a score returned by value is built on the stack and then copied, which
  /// costs as much as a good part of the scoring.
  func score(at project: UnsafePointer<Project>, into score: UnsafeMutablePointer<ProjectScore>) {
    let outcomes = project.pointee.outcomes
    var quantitative = 0.0
    var depth = 0.0
    var outcomeCompleteness = 0.0
    var socialValue: Double?
    var impactClass = ImpactClass.unclassified
    var mix = DomainMix()
    outcomes.withUnsafeBufferPointer { outcomes in
      let count = outcomes.count
      var equalShares = true
      for position in 0..<count where outcomes[position].share != nil {
        equalShares = false
        break
      }
      let equalShare = count == 0 ? 0 : 1 / Double(count)
      for position in 0..<count {
        let outcome = outcomes.baseAddress.unsafelyUnwrapped + position
        let share = equalShares ? equalShare : (outcome.pointee.share ?? 0)
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
        mix.append(domainIndex: domainIndex(of: outcome), depthOrdinal: scored.depthClass.ordinal, share: share)
      }
    }

    let ratings = project.pointee.ratings
    let (qualitative, ratedWeight) = qualitative(ratings)

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

    score.initialize(
      to: ProjectScore(
        projectID: project.pointee.id,
        schemeID: scheme.id,
        status: project.pointee.status,
        programme: project.pointee.programme,
        territory: project.pointee.territory,
        amount: amount,
        breakdown: .derived(outcomes: outcomes, ratings: ratings, rules: self),
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
}
