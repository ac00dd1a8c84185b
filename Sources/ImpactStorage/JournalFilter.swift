/// Which journal entries to list; every field set must match.
public struct JournalFilter: Sendable, Hashable {
  /// Entries that touched this project.
  public var projectID: String?
  public var kind: ChangeKind?
  public var actor: String?

  public init(projectID: String? = nil, kind: ChangeKind? = nil, actor: String? = nil) {
    self.projectID = projectID
    self.kind = kind
    self.actor = actor
  }
}
