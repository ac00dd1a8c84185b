/// The capital weighting of a portfolio roll-up: project i weighs ω_i = a_i / A, with
/// A = Σ a_i, or 1 / n for every project when A = 0 (GIIRS-style fund rating).
///
/// Roll-ups accumulate both Σ a_i x_i and Σ x_i in one pass and pick the weighting at the end,
/// so a selection never needs a second pass to learn A.
public struct CapitalWeighting: Sendable, Hashable {
  /// A = Σ a_i.
  public var totalCapital: Double
  /// n, the number of projects weighed.
  public var count: Int

  public init(totalCapital: Double = 0, count: Int = 0) {
    self.totalCapital = totalCapital
    self.count = count
  }

  /// Counts one more project of `capital` euros.
  public mutating func add(capital: Double) {
    totalCapital += capital
    count += 1
  }

  /// Whether the weights are equal because no capital is committed.
  public var usesEqualWeights: Bool { !(totalCapital > 0) }

  /// ω = a / A, or 1 / n when A = 0; 0 for an empty selection.
  public func weight(ofCapital capital: Double) -> Double {
    guard count > 0 else { return 0 }
    return usesEqualWeights ? 1 / Double(count) : capital / totalCapital
  }

  /// Σ ω_i x_i from the two sums a pass accumulated: Σ a_i x_i and Σ x_i.
  public func mean(capitalWeightedSum: Double, plainSum: Double) -> Double {
    guard count > 0 else { return 0 }
    return usesEqualWeights ? plainSum / Double(count) : capitalWeightedSum / totalCapital
  }

  /// The capital-weighted mean of `values`; equal weights when no capital is committed,
  /// `nil` when there is no value or the counts differ.
  public static func weightedMean(of values: [Double], capital: [Double]) -> Double? {
    guard !values.isEmpty, values.count == capital.count else { return nil }
    var mean = CapitalWeightedMean()
    for (value, amount) in zip(values, capital) {
      mean.add(value, capital: amount)
    }
    return mean.value
  }
}
