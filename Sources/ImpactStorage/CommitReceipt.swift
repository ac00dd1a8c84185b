public import Foundation

/// What a committed change became: its revision and journal entry header.
public struct CommitReceipt: Sendable, Hashable {
  /// The new current revision.
  public var revision: Int64
  /// The commit time as stored (to the millisecond).
  public var committedAt: Date
  public var kind: ChangeKind
  /// The projects the change touched, in the order of the change.
  public var projectIDs: [String]
  /// The size of its journal payload, bytes: what replaying it costs (``CheckpointPolicy``).
  public var payloadBytes: Int

  public init(revision: Int64, committedAt: Date, kind: ChangeKind, projectIDs: [String], payloadBytes: Int = 0) {
    self.revision = revision
    self.committedAt = committedAt
    self.kind = kind
    self.projectIDs = projectIDs
    self.payloadBytes = payloadBytes
  }
}
