/// What an import did (or, for a validation-only import, would do).
public struct ImportSummary: Sendable, Hashable {
  public var created: Int
  public var updated: Int
  /// Imported projects identical to the stored ones.
  public var unchanged: Int
  public var deleted: Int
  public var revision: Int64
  /// Projects stored before the import.
  public var storedBefore: Int = 0
  /// True when the document's scheme replaced the active one.
  public var schemeChanged = false
  /// The updated and deleted projects, those that lose ratings, observed values or amounts
  /// first, at most ``maximumListed``.
  public var projects: [ImportedProject] = []
  /// Updated or deleted projects beyond ``maximumListed``.
  public var projectsLeftOut = 0
  /// Replaced values newer than the document, over every project.
  public var newerCount = 0
  /// The revision the document carries.
  public var documentRevision: Int64?

  /// The most projects a summary lists, so that a response stays well under the message limit.
  public static let maximumListed = 1_000

  public init(created: Int, updated: Int, unchanged: Int, deleted: Int, revision: Int64) {
    self.created = created
    self.updated = updated
    self.unchanged = unchanged
    self.deleted = deleted
    self.revision = revision
  }
}
