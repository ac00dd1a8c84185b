/// Projects by rank score, highest first, ties listed by id.
public struct Ranking: Sendable, Hashable {
  public var schemeID: String
  /// The entries, possibly cut to the top N; ranks and percentiles are over the whole selection.
  public var entries: [RankingEntry]
  /// The number of projects in the selection.
  public var selectionSize: Int

  public init(schemeID: String, entries: [RankingEntry], selectionSize: Int) {
    self.schemeID = schemeID
    self.entries = entries
    self.selectionSize = selectionSize
  }

  /// The entry of `projectID`, `nil` when it is not listed.
  public func entry(for projectID: String) -> RankingEntry? {
    entries.first { $0.projectID == projectID }
  }
}
