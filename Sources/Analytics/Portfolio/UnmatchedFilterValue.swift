/// A value of a ``ProjectFilter`` that selects no project of the portfolio, with the existing
/// values nearest to it, so that an empty selection comes with its likely cause.
public struct UnmatchedFilterValue: Sendable, Hashable {
  /// The filter axis the value was given for.
  public enum Field: String, Sendable, Hashable, CaseIterable {
    case programmes, territories, domains
  }

  public var field: Field
  /// The value as it was typed.
  public var value: String
  /// Existing programmes, territories or domain ids, closest first.
  public var nearest: [String]

  public init(field: Field, value: String, nearest: [String]) {
    self.field = field
    self.value = value
    self.nearest = nearest
  }
}
