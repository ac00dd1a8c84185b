import Foundation
import ImpactAPI
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
    }
  }
}

extension Impact_V1_ChangeEvent {
  init(_ change: ChangeEvent) {
    self.init()
    revision = change.revision
    committedAt = Google_Protobuf_Timestamp(date: change.committedAt)
    kind = Impact_V1_ChangeKind(change.kind, rpcMethod: change.rpcMethod)
    projectIds = change.projectIDs.sorted()
    actor = change.actor
    rpcMethod = change.rpcMethod
  }

  init(_ entry: JournalEntry) {
    self.init()
    revision = entry.revision
    committedAt = Google_Protobuf_Timestamp(date: entry.committedAt)
    kind = Impact_V1_ChangeKind(entry.kind, rpcMethod: entry.rpcMethod)
    projectIds = entry.projectIDs.sorted()
    actor = entry.actor
    rpcMethod = entry.rpcMethod
  }
}
