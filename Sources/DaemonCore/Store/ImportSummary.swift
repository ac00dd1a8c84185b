/// What an import did (or, for a validation-only import, would do).
public struct ImportSummary: Sendable, Hashable {
  public var created: Int
  public var updated: Int
  /// Imported projects identical to the stored ones.
  public var unchanged: Int
  public var deleted: Int
  public var revision: Int64

  public init(created: Int, updated: Int, unchanged: Int, deleted: Int, revision: Int64) {
    self.created = created
    self.updated = updated
    self.unchanged = unchanged
    self.deleted = deleted
    self.revision = revision
  }
}
