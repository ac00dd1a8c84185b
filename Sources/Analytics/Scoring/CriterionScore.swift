/// The committee's ratings of one qualitative criterion of a project, reduced to their median.
public struct CriterionScore: Sendable, Hashable {
  public var criterion: String
  public var weight: Double
  /// The median rating (mean of the two middle values for an even count); `nil` when unrated,
  /// which counts 0 in the qualitative score.
  public var median: Double?
  public var ratingCount: Int
  /// max − min of the ratings, a sign of disagreement; `nil` when unrated.
  public var spread: Double?
  /// The ratings' values, ascending. A slice of one buffer the project's criteria share.
  public var values: ArraySlice<Double>

  public init(
    criterion: String,
    weight: Double,
    median: Double?,
    ratingCount: Int,
    spread: Double?,
    values: ArraySlice<Double>
  ) {
    self.criterion = criterion
    self.weight = weight
    self.median = median
    self.ratingCount = ratingCount
    self.spread = spread
    self.values = values
  }
}
