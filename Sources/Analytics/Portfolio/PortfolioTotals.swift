/// The sums every portfolio figure is made of, over a selection of scores. Adding and
/// removing a score are O(domains), so a cache of scores can keep them up to date after each
/// change (see ``PortfolioIndex``); the figures themselves are derived at the end, in
/// ``PortfolioAnalyzer``'s summary, the same way for a full pass and an incremental one.
struct PortfolioTotals: Sendable, Hashable {
  let domainCount: Int
  var weighting = CapitalWeighting()
  var composite = (capital: 0.0, plain: 0.0)
  var quantitative = (capital: 0.0, plain: 0.0)
  var qualitative = (capital: 0.0, plain: 0.0)
  var depth = (capital: 0.0, plain: 0.0)
  /// The number of projects with a social value, so the sum can be `nil` again.
  var socialValueCount = 0
  // Exact counts of the projects behind sums that must fall back to exactly 0 when those
  // projects are gone, whatever rounding the removals left: they decide branches
  // (equal weights, no impact, no social value).
  var capitalCount = 0
  var rankedCount = 0
  var rankedCapitalCount = 0
  var socialValue = 0.0
  var amountWithSocialValue = 0.0
  // Per domain, in one buffer: exposure Σ a m, Σ m, impact Σ a R m, Σ R m.
  var domainSums: [Double]
  // Per domain and depth class, row-major.
  var outcomeCounts: [Int]
  var amounts: [Double]

  static let classCount = DepthClass.allCases.count

  init(domainCount: Int) {
    self.domainCount = domainCount
    domainSums = Array(repeating: 0, count: 4 * domainCount)
    outcomeCounts = Array(repeating: 0, count: domainCount * Self.classCount)
    amounts = Array(repeating: 0, count: domainCount * Self.classCount)
  }

  /// Adds the score at `score` (`sign` 1) or takes it away (`sign` -1).
  @inline(__always)
  mutating func add(_ score: UnsafePointer<ProjectScore>, sign: Double = 1) {
    let amount = score.pointee.amount
    let rankScore = score.pointee.rankScore
    let signedAmount = sign * amount
    if sign > 0 {
      weighting.add(capital: amount)
    } else {
      weighting.totalCapital -= amount
      weighting.count -= 1
    }
    composite.capital += signedAmount * rankScore
    composite.plain += sign * rankScore
    quantitative.capital += signedAmount * score.pointee.quantitative
    quantitative.plain += sign * score.pointee.quantitative
    qualitative.capital += signedAmount * score.pointee.qualitative
    qualitative.plain += sign * score.pointee.qualitative
    depth.capital += signedAmount * score.pointee.depth
    depth.plain += sign * score.pointee.depth
    let countStep = sign > 0 ? 1 : -1
    if amount > 0 { capitalCount += countStep }
    if rankScore > 0 {
      rankedCount += countStep
      if amount > 0 { rankedCapitalCount += countStep }
    }
    if let value = score.pointee.socialValue {
      socialValueCount += sign > 0 ? 1 : -1
      socialValue += sign * value
      amountWithSocialValue += signedAmount
    }
    let domainCount = domainCount
    let classCount = Self.classCount
    domainSums.withUnsafeMutableBufferPointer { sums in
      outcomeCounts.withUnsafeMutableBufferPointer { counts in
        amounts.withUnsafeMutableBufferPointer { amounts in
          func add(domain: Int, share: Double, depthOrdinal: Int) {
            guard domain < domainCount else { return }
            sums[4 * domain] += signedAmount * share
            sums[4 * domain + 1] += sign * share
            sums[4 * domain + 2] += signedAmount * rankScore * share
            sums[4 * domain + 3] += sign * rankScore * share
            let slot = domain * classCount + depthOrdinal
            counts[slot] += countStep
            amounts[slot] += signedAmount * share
          }
          let mix = score.pointee.domainMix
          if mix.fitsInline {
            for slot in 0..<Int(mix.count) {
              add(domain: mix.domainIndex(slot), share: mix.share(slot), depthOrdinal: mix.depthOrdinal(slot))
            }
          } else {
            for outcome in score.pointee.outcomes {
              guard let domain = outcome.domainIndex else { continue }
              add(domain: domain, share: outcome.share, depthOrdinal: outcome.depthClass.ordinal)
            }
          }
        }
      }
    }
  }

  /// Sets to exactly 0 the sums whose every term is gone, so removals leave no rounding
  /// residue where a figure compares a sum with 0.
  mutating func snapEmptySums() {
    if weighting.count == 0 {
      self = PortfolioTotals(domainCount: domainCount)
      return
    }
    if capitalCount == 0 {
      // Every capital-weighted sum has only zero terms left.
      weighting.totalCapital = 0
      quantitative.capital = 0
      qualitative.capital = 0
      depth.capital = 0
      amountWithSocialValue = 0
      for slot in amounts.indices { amounts[slot] = 0 }
      for domain in 0..<domainCount { domainSums[4 * domain] = 0 }
    }
    if socialValueCount == 0 {
      socialValue = 0
      amountWithSocialValue = 0
    }
    if rankedCount == 0 { composite.plain = 0 }
    if rankedCapitalCount == 0 { composite.capital = 0 }
    for domain in 0..<domainCount {
      var outcomes = 0
      for depthClass in 0..<Self.classCount {
        let slot = domain * Self.classCount + depthClass
        if outcomeCounts[slot] == 0 { amounts[slot] = 0 }
        outcomes += outcomeCounts[slot]
      }
      if outcomes == 0 {
        for offset in 0..<4 { domainSums[4 * domain + offset] = 0 }
      }
      if rankedCount == 0 { domainSums[4 * domain + 3] = 0 }
      if rankedCapitalCount == 0 { domainSums[4 * domain + 2] = 0 }
    }
  }

  static func == (lhs: PortfolioTotals, rhs: PortfolioTotals) -> Bool {
    lhs.weighting == rhs.weighting && lhs.composite == rhs.composite && lhs.quantitative == rhs.quantitative
      && lhs.qualitative == rhs.qualitative && lhs.depth == rhs.depth && lhs.socialValueCount == rhs.socialValueCount
      && lhs.socialValue == rhs.socialValue && lhs.amountWithSocialValue == rhs.amountWithSocialValue
      && lhs.domainSums == rhs.domainSums && lhs.outcomeCounts == rhs.outcomeCounts && lhs.amounts == rhs.amounts
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(weighting)
    hasher.combine(domainSums)
    hasher.combine(outcomeCounts)
  }
}
