public import Foundation
public import ImpactStorage

/// One committed change, as watchers see it.
public struct ChangeEvent: Sendable, Hashable {
  public var revision: Int64
  public var committedAt: Date
  public var kind: ChangeKind
  public var projectIDs: [String]
  public var actor: String
  public var rpcMethod: String

  public init(
    revision: Int64, committedAt: Date, kind: ChangeKind, projectIDs: [String], actor: String, rpcMethod: String
  ) {
    self.revision = revision
    self.committedAt = committedAt
    self.kind = kind
    self.projectIDs = projectIDs
    self.actor = actor
    self.rpcMethod = rpcMethod
  }
}
