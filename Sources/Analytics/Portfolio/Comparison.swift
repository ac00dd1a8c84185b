/// Several projects side by side, in the order they were asked for.
public struct Comparison: Sendable, Hashable {
  public var schemeID: String
  public var entries: [ComparisonEntry]
  /// The number of projects in the selection the ranks and percentiles are taken in.
  public var selectionSize: Int

  public init(schemeID: String, entries: [ComparisonEntry], selectionSize: Int) {
    self.schemeID = schemeID
    self.entries = entries
    self.selectionSize = selectionSize
  }
}
