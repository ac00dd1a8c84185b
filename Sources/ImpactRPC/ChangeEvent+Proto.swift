import Foundation
import ImpactAPI
import ImpactCredentials
import ImpactStorage
import ImpactStore
import SwiftProtobuf

extension Impact_V1_ChangeKind {
  /// The kind of change as watchers see it: the stored kind, told apart by the method that made it.
  init(_ kind: ChangeKind, rpcMethod: String) {
    switch kind {
    case .upsertProjects:
      if rpcMethod.hasSuffix("/CreateProject") {
        self = .projectCreated
      } else if rpcMethod.hasSuffix("/UpdateProject") {
        self = .projectUpdated
      } else {
        self = .portfolioImported
      }
    case .deleteProjects: self = .projectDeleted
    case .replacePortfolio: self = .portfolioReplaced
    case .setScheme: self = .schemeChanged
    case .recordObservation: self = .observationRecorded
    case .recordRating: self = .ratingRecorded
    case .createSnapshot: self = .snapshotCreated
    case .deleteSnapshot: self = .snapshotDeleted
    case .setFramework: self = .frameworkSet
    }
  }
}

extension Impact_V1_ChangeEvent {
  /// The role that may read who made a change and through which RPC: the audit trail's
  /// (`ListAuditEntries`). Below it, a watcher sees what changed and when, not who or how.
  static let auditRole = Role.admin

  /// The event of a live change, as `caller` may see it (``visible(to:)``). The caller is, by
  /// default, the principal of the RPC being served.
  init(_ change: ChangeEvent, for caller: Principal = RequestPrincipal.caller) {
    self.init()
    revision = change.revision
    committedAt = Google_Protobuf_Timestamp(date: change.committedAt)
    kind = Impact_V1_ChangeKind(change.kind, rpcMethod: change.rpcMethod)
    projectIds = change.projectIDs.sorted()
    actor = change.actor
    rpcMethod = change.rpcMethod
    self = visible(to: caller)
  }

  /// The event of a journal entry, as `caller` may see it (``visible(to:)``).
  init(_ entry: JournalEntry, for caller: Principal = RequestPrincipal.caller) {
    self.init()
    revision = entry.revision
    committedAt = Google_Protobuf_Timestamp(date: entry.committedAt)
    kind = Impact_V1_ChangeKind(entry.kind, rpcMethod: entry.rpcMethod)
    projectIds = entry.projectIDs.sorted()
    actor = entry.actor
    rpcMethod = entry.rpcMethod
    self = visible(to: caller)
  }

  /// The event without `actor` and `rpc_method` for a caller below ``auditRole``: those are
  /// the audit trail, which `ListAuditEntries` keeps for administrators.
  func visible(to caller: Principal) -> Impact_V1_ChangeEvent {
    guard caller.role < Self.auditRole else { return self }
    var event = self
    event.actor = ""
    event.rpcMethod = ""
    return event
  }
}
