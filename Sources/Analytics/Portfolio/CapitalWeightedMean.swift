/// A running capital-weighted mean Σ ω_i x_i (see ``CapitalWeighting``).
public struct CapitalWeightedMean: Sendable, Hashable {
  public private(set) var weighting = CapitalWeighting()
  private var capitalWeightedSum = 0.0
  private var plainSum = 0.0

  public init() {}

  public mutating func add(_ value: Double, capital: Double) {
    weighting.add(capital: capital)
    capitalWeightedSum += capital * value
    plainSum += value
  }

  /// The mean so far; `nil` before the first value.
  public var value: Double? {
    weighting.count == 0 ? nil : weighting.mean(capitalWeightedSum: capitalWeightedSum, plainSum: plainSum)
  }
}
