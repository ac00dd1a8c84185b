import Analytics
import Foundation
import GRPCCore
import ImpactAPI
import SwiftProtobuf

/// `impact.v1.WatchService`: a server stream of committed changes, for monitoring scripts.
///
/// With `since_revision`, the journal's later entries are sent first, then live changes, with no
/// gap and no repeat: the live subscription starts before the journal is read, and live events
/// at or below the last replayed revision are skipped.
struct WatchRPCService: Impact_V1_WatchService.SimpleServiceProtocol {
  let store: PortfolioStore
  let limits: DaemonConfiguration.Limits

  func watchChanges(
    request: Impact_V1_WatchChangesRequest,
    response: RPCWriter<Impact_V1_ChangeEvent>,
    context: ServerContext
  ) async throws {
    // The filter lives as long as the watch: bound it like the projects of one request.
    guard request.projectIds.count <= limits.maxProjectsPerRequest else {
      throw RPCErrorFactory.tooLarge(
        "project_ids",
        "at most \(limits.maxProjectsPerRequest) project ids per watch (limits.maxProjectsPerRequest), got \(request.projectIds.count)",
        rule: "too_many_watched", values: ["limit": "\(limits.maxProjectsPerRequest)", "value": "\(request.projectIds.count)"])
    }
    let kinds = Set(request.kinds)
    let projectIDs = Set(request.projectIds)
    func wanted(_ event: Impact_V1_ChangeEvent) -> Bool {
      (kinds.isEmpty || kinds.contains(event.kind))
        && (projectIDs.isEmpty || event.projectIds.contains(where: projectIDs.contains))
    }
    guard let live = store.watch() else {
      throw RPCErrorFactory.tooManyWatchers(store.maximumWatchers)
    }
    try await withRPCCancellationHandler {
      var last = request.hasSinceRevision ? request.sinceRevision : store.snapshot.revision
      if request.hasSinceRevision {
        while !context.cancellation.isCancelled {
          let entries = try store.database.journal(after: last, limit: 500)
          if entries.isEmpty { break }
          for entry in entries {
            let event = Impact_V1_ChangeEvent(entry)
            if wanted(event) { try await response.write(event) }
            last = entry.revision
          }
        }
      }
      for await change in live.events {
        if context.cancellation.isCancelled { break }
        guard change.revision > last else { continue }
        let event = Impact_V1_ChangeEvent(change)
        if wanted(event) { try await response.write(event) }
        last = change.revision
      }
    } onCancelRPC: {
      live.end()
    }
  }
}
