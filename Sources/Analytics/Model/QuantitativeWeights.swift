/// The weights of the four quantitative dimensions; they sum to 1.
public struct QuantitativeWeights: Sendable, Hashable {
  public var scale: Double
  public var depth: Double
  public var duration: Double
  public var contribution: Double

  public init(scale: Double, depth: Double, duration: Double, contribution: Double) {
    self.scale = scale
    self.depth = depth
    self.duration = duration
    self.contribution = contribution
  }
}
