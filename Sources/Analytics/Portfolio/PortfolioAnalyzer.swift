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
    var totals = PortfolioTotals(domainCount: index.domainIDs.count)
    // Contributions hold a_i R_i and R_i until the weighting is known.
    var contributions: [ProjectContribution] = []
    contributions.reserveCapacity(selection.selectsAll ? scores.count : 0)
    var plainRankScores: [Double] = []
    plainRankScores.reserveCapacity(selection.selectsAll ? scores.count : 0)
    for position in scores.indices {
      // Fields are read through the pointer so no score is copied (and retained) whole.
      let score = scores.baseAddress.unsafelyUnwrapped + position
      guard selection.matches(score) else { continue }
      totals.add(score)
      contributions.append(
        ProjectContribution(
          projectID: score.pointee.projectID, contribution: score.pointee.amount * score.pointee.rankScore))
      plainRankScores.append(score.pointee.rankScore)
    }
    let usesEqualWeights = totals.weighting.usesEqualWeights
    let impactTotal = usesEqualWeights ? totals.composite.plain : totals.composite.capital
    for position in contributions.indices {
      let impact = usesEqualWeights ? plainRankScores[position] : contributions[position].contribution
      contributions[position].contribution = impactTotal > 0 ? impact / impactTotal : 0
    }
    return summary(of: totals, contributions: contributions)
  }

  /// The figures of a selection from its sums and its normalized contributions.
  func summary(of totals: PortfolioTotals, contributions: [ProjectContribution]) -> PortfolioSummary {
    let domainCount = totals.domainCount
    let weighting = totals.weighting
    // Σ_i ω_i R_i up to the common factor 1 / A (or 1 / n), which cancels in every ratio below.
    let impactTotal = weighting.usesEqualWeights ? totals.composite.plain : totals.composite.capital
    let impactOffset = weighting.usesEqualWeights ? 3 : 2
    var exposure: [DomainValue] = []
    var impactWeighted: [DomainValue] = []
    exposure.reserveCapacity(domainCount)
    impactWeighted.reserveCapacity(domainCount)
    var hhi = 0.0
    var strategicCount = 0
    var deepCount = 0
    var covered: [String] = []
    var gaps: [String] = []
    let classCount = PortfolioTotals.classCount
    for domain in 0..<domainCount {
      let id = index.domainIDs[domain]
      let value = weighting.mean(
        capitalWeightedSum: totals.domainSums[4 * domain], plainSum: totals.domainSums[4 * domain + 1])
      exposure.append(DomainValue(domain: id, domainIndex: domain, value: value))
      let impact = impactTotal > 0 ? totals.domainSums[4 * domain + impactOffset] / impactTotal : 0
      impactWeighted.append(DomainValue(domain: id, domainIndex: domain, value: impact))
      hhi += value * value
      guard index.strategic[domain] else { continue }
      strategicCount += 1
      // Depth classes significant and deep are exactly D ≥ 2.
      let deep =
        totals.outcomeCounts[domain * classCount + DepthClass.significant.ordinal]
        + totals.outcomeCounts[domain * classCount + DepthClass.deep.ordinal]
      if deep > 0 { deepCount += 1 }
      if value >= scheme.coverageThreshold {
        covered.append(id)
      } else {
        gaps.append(id)
      }
    }
    let socialValue: Double? = totals.socialValueCount > 0 ? totals.socialValue : nil
    let amountWithSocialValue = totals.amountWithSocialValue

    return PortfolioSummary(
      schemeID: scheme.id,
      projects: weighting.count,
      totalAmount: weighting.totalCapital,
      weightedComposite: weighting.mean(capitalWeightedSum: totals.composite.capital, plainSum: totals.composite.plain),
      weightedQuantitative: weighting.mean(
        capitalWeightedSum: totals.quantitative.capital, plainSum: totals.quantitative.plain),
      weightedQualitative: weighting.mean(
        capitalWeightedSum: totals.qualitative.capital, plainSum: totals.qualitative.plain),
      weightedDepth: weighting.mean(capitalWeightedSum: totals.depth.capital, plainSum: totals.depth.plain),
      exposure: exposure,
      impactWeightedExposure: impactWeighted,
      hhi: hhi,
      effectiveDomains: hhi > 0 ? 1 / hhi : 0,
      coverage: strategicCount > 0 ? Double(covered.count) / Double(strategicCount) : 0,
      coveredDomains: covered,
      gaps: gaps,
      deepCoverage: strategicCount > 0 ? Double(deepCount) / Double(strategicCount) : 0,
      matrix: CoverageMatrix(domains: index.domainIDs, outcomeCounts: totals.outcomeCounts, amounts: totals.amounts),
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
      filter.matches(
        status: score.pointee.status, programme: score.pointee.programme, territory: score.pointee.territory)
    else {
      return false
    }
    guard !filter.domains.isEmpty else { return true }
    let mix = score.pointee.domainMix
    if mix.fitsInline { return mix.containsDomain(in: domainMask) }
    return score.pointee.outcomes.contains { outcome in
      outcome.domainIndex.map { domainMask[$0] } ?? false
    }
  }
}
