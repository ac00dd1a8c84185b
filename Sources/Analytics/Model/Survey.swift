/// A beneficiary survey in the Lean Data style: the shares of respondents whose situation
/// improved "very much" and "slightly". Each share is in [0, 1] and their sum is at most 1.
public struct Survey: Sendable, Hashable {
  public var veryMuch: Double
  public var slightly: Double

  public init(veryMuch: Double, slightly: Double) {
    self.veryMuch = veryMuch
    self.slightly = slightly
  }
}
