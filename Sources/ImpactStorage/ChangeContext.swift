public import Foundation

/// Who asks for a change, through which RPC, when, and against which revision.
public struct ChangeContext: Sendable, Hashable {
  /// The authenticated caller, written to the journal.
  public var actor: String
  /// The RPC that asked for the change (`impact.v1.ProjectService/UpdateProject`), for the audit.
  public var rpcMethod: String
  /// When set, ``PortfolioStore`` refuses the change with
  /// ``StoreError/revisionMismatch(expected:actual:)`` unless the portfolio is at exactly this
  /// revision (optimistic concurrency). The store checks it once, under its one writer, before
  /// planning the change; the database, written by that writer alone, does not check it again.
  public var expectedRevision: Int64?
  /// The commit time written to the journal; kept to the millisecond.
  public var at: Date

  public init(actor: String, rpcMethod: String, expectedRevision: Int64? = nil, at: Date = Date()) {
    self.actor = actor
    self.rpcMethod = rpcMethod
    self.expectedRevision = expectedRevision
    self.at = at
  }
}
