/// The portfolio before and after a what-if, and what moved.
public struct WhatIfResult: Sendable, Hashable {
  public var before: PortfolioSummary
  public var after: PortfolioSummary
  /// Every named portfolio figure with its value before and after (exposures per domain and
  /// the non-empty cells of the coverage matrix included), in a stable order.
  public var differences: [FigureDifference]
  /// The projects added, removed or replaced, and every project whose rank moved, by rank after.
  public var rankChanges: [RankChange]
  /// The scores of the projects the changes added or replaced.
  public var changedScores: [ProjectScore]

  public init(
    before: PortfolioSummary,
    after: PortfolioSummary,
    differences: [FigureDifference],
    rankChanges: [RankChange],
    changedScores: [ProjectScore]
  ) {
    self.before = before
    self.after = after
    self.differences = differences
    self.rankChanges = rankChanges
    self.changedScores = changedScores
  }

  /// Whether any figure or rank changed.
  public var hasDifferences: Bool {
    differences.contains { !$0.isUnchanged } || rankChanges.contains { $0.kind != .unchanged }
  }
}
