/// What changed since an earlier snapshot (`--since`): the figures then, the movers, the
/// projects added and removed, and the portfolio's change attributed to its causes.
public struct ChangesSince: Sendable, Codable, Equatable {
  /// A project whose rank moved.
  public struct Mover: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var rankBefore: Int
    public var rankAfter: Int
    public var compositeBefore: Double
    public var compositeAfter: Double
    public init(
      id: String, name: String, rankBefore: Int, rankAfter: Int, compositeBefore: Double, compositeAfter: Double
    ) {
      self.id = id
      self.name = name
      self.rankBefore = rankBefore
      self.rankAfter = rankAfter
      self.compositeBefore = compositeBefore
      self.compositeAfter = compositeAfter
    }
  }

  /// One cause of the change of the weighted composite, in points.
  public struct Cause: Sendable, Codable, Equatable {
    public var label: String
    public var delta: Double
    public init(label: String, delta: Double) {
      self.label = label
      self.delta = delta
    }
  }

  /// The earlier snapshot as the reader named it (`2026-06-30`, `rev 120`).
  public var since: String
  public var before: PortfolioFigures
  public var movers: [Mover]
  public var added: [String]
  public var removed: [String]
  public var causes: [Cause]

  public init(
    since: String, before: PortfolioFigures, movers: [Mover], added: [String], removed: [String], causes: [Cause]
  ) {
    self.since = since
    self.before = before
    self.movers = movers
    self.added = added
    self.removed = removed
    self.causes = causes
  }
}

/// One portfolio figure over the snapshots, for the small multiples of the trends section.
public struct TrendSeries: Sendable, Codable, Equatable {
  /// A value at one snapshot.
  public struct Point: Sendable, Codable, Equatable {
    public var label: String
    public var value: Double
    public init(label: String, value: Double) {
      self.label = label
      self.value = value
    }
  }

  /// The figure's name (`weighted_composite`, `coverage`...).
  public var figure: String
  public var points: [Point]
  public init(figure: String, points: [Point]) {
    self.figure = figure
    self.points = points
  }
}
