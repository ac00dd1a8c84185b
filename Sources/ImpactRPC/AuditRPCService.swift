import Foundation
import GRPCCore
import ImpactAPI
import ImpactConfiguration
import ImpactStorage
import ImpactStore
import SwiftProtobuf

/// `impact.v1.AuditService`: the journal of committed changes, who made them and when.
struct AuditRPCService: Impact_V1_AuditService.SimpleServiceProtocol {
  let store: PortfolioStore
  let limits: DaemonConfiguration.Limits

  func listAuditEntries(
    request: Impact_V1_ListAuditEntriesRequest,
    context: ServerContext
  ) async throws -> Impact_V1_ListAuditEntriesResponse {
    let snapshot = store.snapshot
    let pageSize = try PageSize.resolve(request.pageSize, maximum: limits.maxPageSize)
    var after = try PageToken.integerKey(from: request.pageToken) ?? 0
    let filter = JournalFilter(
      projectID: request.projectID.isEmpty ? nil : request.projectID,
      actor: request.actor.isEmpty ? nil : request.actor
    )
    let since = request.hasSince ? try request.since.checkedDate(field: "since") : nil
    let until = request.hasUntil ? try request.until.checkedDate(field: "until") : nil
    // Time and method are filtered here, over pages of the journal read in revision order.
    var entries: [JournalEntry] = []
    while entries.count <= pageSize {
      let batch = try await store.journal(matching: filter, after: after, limit: 500)
      if batch.isEmpty { break }
      for entry in batch {
        after = entry.revision
        if let since, entry.committedAt < since { continue }
        if let until, entry.committedAt >= until { continue }
        if !request.rpcMethod.isEmpty, !entry.rpcMethod.hasSuffix(request.rpcMethod) { continue }
        entries.append(entry)
        if entries.count > pageSize { break }
      }
    }
    let page = entries.prefix(pageSize)
    return .with {
      $0.entries = page.map { entry in
        .with {
          $0.revisionBefore = entry.revisionBefore
          $0.revisionAfter = entry.revision
          $0.committedAt = Google_Protobuf_Timestamp(date: entry.committedAt)
          $0.actor = entry.actor
          $0.rpcMethod = entry.rpcMethod
          $0.projectIds = entry.projectIDs
          $0.kind = Impact_V1_ChangeKind(entry.kind, rpcMethod: entry.rpcMethod)
        }
      }
      if entries.count > pageSize, let last = page.last {
        $0.nextPageToken = PageToken.make(after: String(last.revision))
      }
      $0.revision = snapshot.revision
    }
  }
}
