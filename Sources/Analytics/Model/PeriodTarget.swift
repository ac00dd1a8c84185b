/// An outcome's target for one period: `{"period": "2026", "value": 40}`.
public struct PeriodTarget: Sendable, Hashable {
  /// The period as written; ``Validator`` checks that it is a ``Period``.
  public var period: String
  public var value: Double

  public init(period: String, value: Double) {
    self.period = period
    self.value = value
  }
}
