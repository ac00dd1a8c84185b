/// A whole portfolio's cached scores with the sums of its figures kept up to date, so one
/// change costs O(domains) plus one pass for the contributions, instead of a pass over every
/// score.
///
/// Positions are those of `scores`; a process that keeps its projects sorted by id keeps this
/// index parallel to them. Sums of doubles updated by subtraction drift from a fresh sum by a
/// few ulps per change; the index recomputes them from the scores every
/// ``recomputeInterval`` changes and sets sums whose terms are all gone to exactly 0, which
/// keeps every figure within 1e-9 (relative) of ``PortfolioAnalyzer/summary(of:filter:)``.
///
/// ```swift
/// var index = PortfolioIndex(scheme: scheme, scores: scorer.score(projects))
/// index.replace(at: position, with: scorer.score(changedProject))
/// let summary = index.summary()
/// ```
public struct PortfolioIndex: Sendable {
  public let analyzer: PortfolioAnalyzer
  /// The scores, in the order given and kept by the updates.
  public private(set) var scores: [ProjectScore]
  private(set) var totals: PortfolioTotals
  private var changesSinceRecompute = 0

  /// The number of changes after which the sums are recomputed from the scores.
  public static let recomputeInterval = 4_096

  public init(scheme: Scheme, scores: [ProjectScore]) {
    analyzer = PortfolioAnalyzer(scheme: scheme)
    self.scores = scores
    totals = Self.totals(of: scores, domainCount: analyzer.index.domainIDs.count)
  }

  public var count: Int { scores.count }

  /// Replaces the score at `position` (which must be a valid position of `scores`).
  public mutating func replace(at position: Int, with score: ProjectScore) {
    scores.withUnsafeBufferPointer { totals.add($0.baseAddress.unsafelyUnwrapped + position, sign: -1) }
    scores[position] = score
    scores.withUnsafeBufferPointer { totals.add($0.baseAddress.unsafelyUnwrapped + position) }
    recordChange()
  }

  /// Inserts `score` at `position` (0...count).
  public mutating func insert(_ score: ProjectScore, at position: Int) {
    scores.insert(score, at: position)
    scores.withUnsafeBufferPointer { totals.add($0.baseAddress.unsafelyUnwrapped + position) }
    recordChange()
  }

  /// Removes and returns the score at `position`.
  @discardableResult
  public mutating func remove(at position: Int) -> ProjectScore {
    scores.withUnsafeBufferPointer { totals.add($0.baseAddress.unsafelyUnwrapped + position, sign: -1) }
    let removed = scores.remove(at: position)
    recordChange()
    return removed
  }

  /// The figures of the whole portfolio; equal, within 1e-9 relative, to
  /// `analyzer.summary(of: scores)`.
  public func summary() -> PortfolioSummary {
    let usesEqualWeights = totals.weighting.usesEqualWeights
    let impactTotal = usesEqualWeights ? totals.composite.plain : totals.composite.capital
    let contributions = scores.withUnsafeBufferPointer { buffer in
      [ProjectContribution](unsafeUninitializedCapacity: buffer.count) { contributions, initialized in
        guard let base = buffer.baseAddress, let target = contributions.baseAddress else { return }
        for position in 0..<buffer.count {
          let score = base + position
          let impact = usesEqualWeights ? score.pointee.rankScore : score.pointee.amount * score.pointee.rankScore
          (target + position).initialize(
            to: ProjectContribution(
              projectID: score.pointee.projectID, contribution: impactTotal > 0 ? impact / impactTotal : 0))
          initialized = position + 1
        }
      }
    }
    return analyzer.summary(of: totals, contributions: contributions)
  }

  /// The figures of the scores `filter` selects: the kept sums for the whole portfolio, one
  /// pass otherwise.
  public func summary(filter: ProjectFilter) -> PortfolioSummary {
    filter.selectsAll ? summary() : analyzer.summary(of: scores, filter: filter)
  }

  private mutating func recordChange() {
    changesSinceRecompute += 1
    if changesSinceRecompute >= Self.recomputeInterval {
      totals = Self.totals(of: scores, domainCount: totals.domainCount)
      changesSinceRecompute = 0
    } else {
      totals.snapEmptySums()
    }
  }

  private static func totals(of scores: [ProjectScore], domainCount: Int) -> PortfolioTotals {
    var totals = PortfolioTotals(domainCount: domainCount)
    scores.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      for position in 0..<buffer.count {
        totals.add(base + position)
      }
    }
    return totals
  }
}
