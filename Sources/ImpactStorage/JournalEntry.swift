public import Foundation

/// One committed change, as the `journal` table keeps it.
public struct JournalEntry: Sendable, Hashable {
  public var revision: Int64
  public var committedAt: Date
  public var actor: String
  public var rpcMethod: String
  public var kind: ChangeKind
  public var projectIDs: [String]
  /// Always `revision - 1`: the revision the change was applied to.
  public var revisionBefore: Int64
  /// The JSON text of the change; its shape per kind is in `docs/storage.md`.
  public var payload: String
  /// The projects of an import as an `impact-projects-bin/1` document, when the row keeps
  /// them so (every import from schema 10 on); the payload's `projects` is then empty.
  public var projects: [UInt8]?

  public init(
    revision: Int64,
    committedAt: Date,
    actor: String,
    rpcMethod: String,
    kind: ChangeKind,
    projectIDs: [String],
    revisionBefore: Int64,
    payload: String,
    projects: [UInt8]? = nil
  ) {
    self.revision = revision
    self.committedAt = committedAt
    self.actor = actor
    self.rpcMethod = rpcMethod
    self.kind = kind
    self.projectIDs = projectIDs
    self.revisionBefore = revisionBefore
    self.payload = payload
    self.projects = projects
  }
}
