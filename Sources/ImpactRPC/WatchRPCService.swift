import Analytics
import Foundation
import GRPCCore
import ImpactAPI
import ImpactConfiguration
import ImpactStorage
import ImpactStore
import SwiftProtobuf

/// `impact.v1.WatchService`: a server stream of committed changes, for monitoring scripts.
///
/// With `since_revision`, the journal's later entries are sent first, then live changes, with no
/// gap and no repeat: the live subscription starts before the journal is read, and live events
/// at or below the last replayed revision are skipped. A watcher that reads more slowly than
/// changes are committed loses nothing either: its live buffer (``ChangeBroadcaster``) keeps the
/// newest events, and the revisions it dropped are read back from the journal, which is durable.
/// A `since_revision` beyond the current revision is OUT_OF_RANGE.
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
        rule: "too_many_watched",
        values: ["limit": "\(limits.maxProjectsPerRequest)", "value": "\(request.projectIds.count)"])
    }
    let kinds = Set(request.kinds)
    let projectIDs = Set(request.projectIds)
    func wanted(_ event: Impact_V1_ChangeEvent) -> Bool {
      (kinds.isEmpty || kinds.contains(event.kind))
        && (projectIDs.isEmpty || event.projectIds.contains(where: projectIDs.contains))
    }
    // A watch cannot start after a revision that does not exist yet: it would silently skip
    // every revision up to it.
    let current = store.snapshot.revision
    if request.hasSinceRevision, request.sinceRevision > current {
      throw RPCErrorFactory.revisionAhead(request.sinceRevision, current: current)
    }
    let rewindsBefore = store.rewind.count
    guard let live = store.watch() else {
      throw RPCErrorFactory.tooManyWatchers(store.maximumWatchers)
    }
    try await withRPCCancellationHandler {
      var last = request.hasSinceRevision ? request.sinceRevision : store.snapshot.revision
      /// Sends the journal's entries after `last` and before `end` (every one when `nil`).
      func replay(before end: Int64?) async throws {
        while !context.cancellation.isCancelled {
          let entries = try await store.journal(after: last, limit: Self.replayBatch)
          for entry in entries {
            if let end, entry.revision >= end { return }
            let event = Impact_V1_ChangeEvent(entry)
            if wanted(event) { try await response.write(event) }
            last = entry.revision
          }
          if entries.count < Self.replayBatch { return }
        }
      }
      if request.hasSinceRevision { try await replay(before: nil) }
      for await change in live.events {
        if context.cancellation.isCancelled { break }
        // Revisions are consecutive: a gap means the live buffer dropped events while this
        // watcher read slowly. The journal holds them all; send them from there, in order.
        if change.revision > last + 1 { try await replay(before: change.revision) }
        guard change.revision > last else { continue }
        let event = Impact_V1_ChangeEvent(change)
        if wanted(event) { try await response.write(event) }
        last = change.revision
      }
      // The stream ended without a cancellation: at shutdown, or because the shared database
      // went back under the daemon, which the watcher must hear of.
      let rewind = store.rewind
      if !context.cancellation.isCancelled, rewind.count != rewindsBefore, let rewound = rewind.last {
        throw DatabaseRestored(rewound: rewound)
      }
    } onCancelRPC: {
      live.end()
    }
  }

  /// How many journal entries one read of a replay fetches.
  static let replayBatch = 500
}
