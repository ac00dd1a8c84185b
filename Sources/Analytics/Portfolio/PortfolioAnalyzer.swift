/// Portfolio figures, rankings and comparisons computed from cached project scores.
///
/// Everything here is one pass over the scores (plus a sort for rankings), with the scheme's
/// domains interned once, so a process that caches one ``ProjectScore`` per project can
/// recompute the portfolio after every change. Selections filter on the status, programme and
/// territory every score carries, and on the domains of its outcomes.
public struct PortfolioAnalyzer: Sendable {
  public let scheme: Scheme
  public let index: SchemeIndex

  public init(scheme: Scheme) {
    self.scheme = scheme
    self.index = SchemeIndex(scheme: scheme)
  }

  /// The portfolio figures of the scores `filter` selects.
  public func summary(of scores: some Collection<ProjectScore>, filter: ProjectFilter = .all) -> PortfolioSummary {
    let selection = Selection(filter: filter, index: index)
    return scores.withContiguousStorageIfAvailable { summary(of: $0, selection: selection) }
      ?? Array(scores).withUnsafeBufferPointer { summary(of: $0, selection: selection) }
  }

  private func summary(of scores: UnsafeBufferPointer<ProjectScore>, selection: Selection) -> PortfolioSummary {
    let domainCount = index.domainIDs.count
    let classCount = DepthClass.allCases.count
    var weighting = CapitalWeighting()
    var composite = (capital: 0.0, plain: 0.0)
    var quantitative = (capital: 0.0, plain: 0.0)
    var qualitative = (capital: 0.0, plain: 0.0)
    var depth = (capital: 0.0, plain: 0.0)
    var exposureCapital = [Double](repeating: 0, count: domainCount)
    var exposurePlain = [Double](repeating: 0, count: domainCount)
    var impactCapital = [Double](repeating: 0, count: domainCount)
    var impactPlain = [Double](repeating: 0, count: domainCount)
    var deep = [Bool](repeating: false, count: domainCount)
    var outcomeCounts = [Int](repeating: 0, count: domainCount * classCount)
    var amounts = [Double](repeating: 0, count: domainCount * classCount)
    var socialValue: Double?
    var amountWithSocialValue = 0.0
    // Contributions hold a_i R_i and R_i until the weighting is known.
    var contributions: [ProjectContribution] = []
    contributions.reserveCapacity(selection.selectsAll ? scores.count : 0)
    var plainRankScores: [Double] = []
    plainRankScores.reserveCapacity(selection.selectsAll ? scores.count : 0)

    for position in scores.indices {
      // Fields are read through the pointer so no score is copied (and retained) whole.
      let score = scores.baseAddress.unsafelyUnwrapped + position
      guard selection.matches(score) else { continue }
      let amount = score.pointee.amount
      let rankScore = score.pointee.rankScore
      weighting.add(capital: amount)
      composite.capital += amount * rankScore
      composite.plain += rankScore
      quantitative.capital += amount * score.pointee.quantitative
      quantitative.plain += score.pointee.quantitative
      qualitative.capital += amount * score.pointee.qualitative
      qualitative.plain += score.pointee.qualitative
      depth.capital += amount * score.pointee.depth
      depth.plain += score.pointee.depth
      if let value = score.pointee.socialValue {
        socialValue = (socialValue ?? 0) + value
        amountWithSocialValue += amount
      }
      let mix = score.pointee.domainMix
      if mix.fitsInline {
        for slot in 0..<Int(mix.count) {
          let domain = mix.domainIndex(slot)
          guard domain < domainCount else { continue }
          let share = mix.share(slot)
          let depthOrdinal = mix.depthOrdinal(slot)
          exposureCapital[domain] += amount * share
          exposurePlain[domain] += share
          impactCapital[domain] += amount * rankScore * share
          impactPlain[domain] += rankScore * share
          // Depth classes significant and deep are exactly D ≥ 2.
          if depthOrdinal >= DepthClass.significant.ordinal { deep[domain] = true }
          let slot = domain * classCount + depthOrdinal
          outcomeCounts[slot] += 1
          amounts[slot] += amount * share
        }
      } else {
        for outcome in score.pointee.outcomes {
          guard let domain = outcome.domainIndex, domain < domainCount else { continue }
          let share = outcome.share
          let depthOrdinal = outcome.depthClass.ordinal
          exposureCapital[domain] += amount * share
          exposurePlain[domain] += share
          impactCapital[domain] += amount * rankScore * share
          impactPlain[domain] += rankScore * share
          if depthOrdinal >= DepthClass.significant.ordinal { deep[domain] = true }
          let slot = domain * classCount + depthOrdinal
          outcomeCounts[slot] += 1
          amounts[slot] += amount * share
        }
      }
      contributions.append(ProjectContribution(projectID: score.pointee.projectID, contribution: amount * rankScore))
      plainRankScores.append(rankScore)
    }

    // Σ_i ω_i R_i up to the common factor 1 / A (or 1 / n), which cancels in every ratio below.
    let impactTotal = weighting.usesEqualWeights ? composite.plain : composite.capital
    let impactBySlot = weighting.usesEqualWeights ? impactPlain : impactCapital
    var exposure: [DomainValue] = []
    var impactWeighted: [DomainValue] = []
    exposure.reserveCapacity(domainCount)
    impactWeighted.reserveCapacity(domainCount)
    var hhi = 0.0
    var strategicCount = 0
    var deepCount = 0
    var covered: [String] = []
    var gaps: [String] = []
    for domain in 0..<domainCount {
      let id = index.domainIDs[domain]
      let value = weighting.mean(capitalWeightedSum: exposureCapital[domain], plainSum: exposurePlain[domain])
      exposure.append(DomainValue(domain: id, domainIndex: domain, value: value))
      let impact = impactTotal > 0 ? impactBySlot[domain] / impactTotal : 0
      impactWeighted.append(DomainValue(domain: id, domainIndex: domain, value: impact))
      hhi += value * value
      guard index.strategic[domain] else { continue }
      strategicCount += 1
      if deep[domain] { deepCount += 1 }
      if value >= scheme.coverageThreshold {
        covered.append(id)
      } else {
        gaps.append(id)
      }
    }

    for position in contributions.indices {
      let impact = weighting.usesEqualWeights ? plainRankScores[position] : contributions[position].contribution
      contributions[position].contribution = impactTotal > 0 ? impact / impactTotal : 0
    }

    return PortfolioSummary(
      schemeID: scheme.id,
      projects: weighting.count,
      totalAmount: weighting.totalCapital,
      weightedComposite: weighting.mean(capitalWeightedSum: composite.capital, plainSum: composite.plain),
      weightedQuantitative: weighting.mean(capitalWeightedSum: quantitative.capital, plainSum: quantitative.plain),
      weightedQualitative: weighting.mean(capitalWeightedSum: qualitative.capital, plainSum: qualitative.plain),
      weightedDepth: weighting.mean(capitalWeightedSum: depth.capital, plainSum: depth.plain),
      exposure: exposure,
      impactWeightedExposure: impactWeighted,
      hhi: hhi,
      effectiveDomains: hhi > 0 ? 1 / hhi : 0,
      coverage: strategicCount > 0 ? Double(covered.count) / Double(strategicCount) : 0,
      coveredDomains: covered,
      gaps: gaps,
      deepCoverage: strategicCount > 0 ? Double(deepCount) / Double(strategicCount) : 0,
      matrix: CoverageMatrix(domains: index.domainIDs, outcomeCounts: outcomeCounts, amounts: amounts),
      contributions: contributions,
      socialValue: socialValue,
      sroi: socialValue.flatMap { amountWithSocialValue > 0 ? $0 / amountWithSocialValue : nil }
    )
  }
}

/// A ``ProjectFilter`` with its domains resolved to scheme positions, built once per call.
struct Selection {
  let filter: ProjectFilter
  let selectsAll: Bool
  private let domainMask: [Bool]

  init(filter: ProjectFilter, index: SchemeIndex) {
    self.filter = filter
    self.selectsAll = filter.selectsAll
    var mask = [Bool](repeating: false, count: index.domainIDs.count)
    for domain in filter.domains {
      if let position = index.domainIndex(of: domain) { mask[position] = true }
    }
    self.domainMask = mask
  }

  @inline(__always)
  func matches(_ score: UnsafePointer<ProjectScore>) -> Bool {
    if selectsAll { return true }
    guard
      filter.matches(status: score.pointee.status, programme: score.pointee.programme, territory: score.pointee.territory)
    else {
      return false
    }
    guard !filter.domains.isEmpty else { return true }
    return score.pointee.outcomes.contains { outcome in
      outcome.domainIndex.map { domainMask[$0] } ?? false
    }
  }
}
