/// The portfolio before and after a simulated decision (funding candidates, or going without
/// a funded project), from the daemon's what-if.
public struct WhatIfFigures: Sendable, Codable, Equatable {
  /// A project's rank after the decision.
  public struct Placement: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var rankAfter: Int?
    public init(id: String, name: String, rankAfter: Int?) {
      self.id = id
      self.name = name
      self.rankAfter = rankAfter
    }
  }

  /// `fund` (the projects join the funded portfolio) or `withdraw` (a funded project leaves it).
  public var decision: String
  /// The selection the figures are computed over, as typed (`--status funded`).
  public var selection: String
  public var before: PortfolioFigures
  public var after: PortfolioFigures
  public var placements: [Placement]

  public init(
    decision: String, selection: String, before: PortfolioFigures, after: PortfolioFigures, placements: [Placement]
  ) {
    self.decision = decision
    self.selection = selection
    self.before = before
    self.after = after
    self.placements = placements
  }

  /// The strategic domains that were gaps before and are covered after.
  public var gapsClosed: [String] { before.gaps.filter { !after.gaps.contains($0) } }
  /// The strategic domains covered before and gaps after.
  public var gapsOpened: [String] { after.gaps.filter { !before.gaps.contains($0) } }
}
