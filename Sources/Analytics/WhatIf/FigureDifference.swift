/// How one named portfolio figure moves under a what-if.
public struct FigureDifference: Sendable, Hashable {
  /// The figure, as in the exchange formats: `weighted_composite`, `exposure.health`,
  /// `matrix.health.deep.amount`, ...
  public var name: String
  public var before: Double?
  public var after: Double?
  /// after − before; 0 when both are absent, `nil` when only one is.
  public var delta: Double?

  public init(name: String, before: Double?, after: Double?) {
    self.name = name
    self.before = before
    self.after = after
    switch (before, after) {
    case (let before?, let after?): delta = after - before
    case (nil, nil): delta = 0
    default: delta = nil
    }
  }

  /// Whether the figure is the same before and after.
  public var isUnchanged: Bool { delta == 0 }
}
