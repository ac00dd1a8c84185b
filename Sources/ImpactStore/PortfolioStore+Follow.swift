public import Analytics
public import Foundation
import ImpactStorage
import Logging
import Synchronization

/// Several daemons on one shared store (PostgreSQL): each serves reads from its own snapshot
/// and accepts writes. Before it checks a write, a daemon applies the changes the others
/// committed (from the journal, in revision order); the store refuses a commit planned on a
/// revision that is no longer the latest, and the daemon catches up and plans it again. Between
/// writes, ``followOthers()`` (on a notification, and periodically) brings the snapshot up to
/// date. Each change followed is published and announced to watchers like a change of its own.
extension PortfolioStore {
  /// How many times a write is planned again because other daemons committed first.
  static let maximumAttempts = 50

  /// Runs `body` on the writer's queue. On a shared store the write is planned on the snapshot
  /// as it is (the follower keeps it close to the latest); when another daemon committed first,
  /// the store refuses the commit (``StorageBehind``), and a refusal of the plan itself (a
  /// project not found, a revision that does not match) may come from changes not followed
  /// yet: either way the store catches up and plans again, so that a write is refused only
  /// for what holds at the latest revision.
  func performWrite<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await serializer.perform { [self] in
      var attempt = 0
      while true {
        do {
          return try body()
        } catch let behind as StorageBehind {
          attempt += 1
          guard attempt < Self.maximumAttempts else {
            throw StorageError.database(
              code: -1, message: "other daemons kept committing first (revision \(behind.head)); try again")
          }
          try self.catchUp()
        } catch {
          // Not behind: the refusal stands.
          guard storage.isShared, attempt < Self.maximumAttempts, try self.catchUp() else { throw error }
          attempt += 1
        }
      }
    }
  }

  /// Applies the changes committed by other daemons after the snapshot, on the writer's queue;
  /// nothing on a store of its own. Returns whether there were any.
  ///
  /// First, the journal's commit time of the snapshot's own revision must still be the one the
  /// daemon holds: otherwise the database went back under it (a backup restored into it), and
  /// the daemon loads the portfolio from it again (``reloadAfterRewind(from:)``).
  @discardableResult
  func catchUp() throws -> Bool {
    guard storage.isShared else { return false }
    var followed = try reloadIfRewound()
    while true {
      let entries = try storage.journal(after: snapshot.revision, limit: Self.catchUpBatch)
      for entry in entries { try follow(entry) }
      followed = followed || !entries.isEmpty
      if entries.count < Self.catchUpBatch { return followed }
    }
  }

  /// Whether the database went back under the daemon, which then reloaded the portfolio: the
  /// revision it holds is gone from the journal, or was committed at another time than the
  /// snapshot's (one column of one row: cheap enough for every catch-up).
  private func reloadIfRewound() throws -> Bool {
    let held = snapshot
    guard held.revision > 0 else { return false }
    let rewound: Bool
    if let stored = try storage.commitTime(ofRevision: held.revision) {
      // Commit times are kept to the millisecond.
      rewound = held.committedAt.map { abs(stored.timeIntervalSince($0)) >= 0.001 } ?? false
    } else {
      rewound = true
    }
    if rewound { try reloadAfterRewind(from: held.revision) }
    return rewound
  }

  /// The shared database went back under the daemon (a backup restored into it, an older
  /// revision or another history at this one): the daemon loads the portfolio from it again,
  /// as at start, forgets the past states it cached, and ends every watch stream (its
  /// revisions no longer follow on; the watch service says why). Logged as an error: every
  /// change acknowledged after the backup was taken is gone from the database.
  func reloadAfterRewind(from revision: Int64) throws {
    let loaded = try loadStored()
    history.cache.removeAll()
    current.withLock { $0 = loaded }
    onPublish(loaded)
    rewinds.withLock { $0 = ($0.count + 1, StoreRewound(from: revision, to: loaded.revision)) }
    broadcaster.finishAll()
    let what =
      loaded.revision == revision
      ? "holds another change at revision \(revision)" : "went back from revision \(revision) to \(loaded.revision)"
    logger.error(
      "the shared database \(what) (a backup restored into it?): the portfolio was loaded again from it; changes acknowledged after the backup are not in it",
      source: Self.logSource)
  }

  /// How many times the shared database went back under this daemon, and the revisions of the
  /// last time: a watch stream that ends because of it says so.
  public var rewind: (count: Int, last: StoreRewound?) {
    rewinds.withLock { $0 }
  }

  static let catchUpBatch = 200

  /// Brings the snapshot up to the latest revision of the shared store, after the writes queued
  /// so far; the revision reached. A failure (the database unreachable) is logged and thrown.
  @discardableResult
  public func followOthers() async throws -> Int64 {
    try await serializer.perform { [self] in
      do {
        try self.catchUp()
      } catch {
        self.logger.warning(
          "could not follow the shared store", metadata: ["error": "\(error)"], source: Self.logSource)
        throw error
      }
      return self.snapshot.revision
    }
  }

  /// Waits until the snapshot has `revision` (read-your-writes across daemons), catching up at
  /// once and then as notifications come; at most `timeout`. Returns the revision reached.
  public func waitForRevision(_ revision: Int64, timeout: Duration) async throws -> Int64 {
    let deadline = ContinuousClock.now + timeout
    var reached = snapshot.revision
    while reached < revision {
      if storage.isShared { reached = try await followOthers() }
      guard reached < revision, ContinuousClock.now < deadline else { break }
      try await Task.sleep(for: .milliseconds(20))
      reached = snapshot.revision
    }
    return reached
  }

  /// Applies one journal entry another daemon committed, and publishes the result.
  private func follow(_ entry: JournalEntry) throws {
    let before = snapshot
    guard entry.revision > before.revision else { return }
    guard entry.revision == before.revision + 1 else {
      throw StorageError.unreadableValue(
        table: "journal", key: "\(before.revision + 1)", column: "revision",
        detail: "the journal skips from \(before.revision) to \(entry.revision)")
    }
    let delta = try JournalReplay.delta(
      of: entry, project: { before.project($0) }, projectIDs: { before.projects.map(\.id) })
    let receipt = CommitReceipt(
      revision: entry.revision, committedAt: entry.committedAt, kind: entry.kind, projectIDs: entry.projectIDs,
      payloadBytes: entry.payload.utf8.count + (entry.projects?.count ?? 0))
    let after = Self.snapshot(
      after: before, receipt: receipt, upserts: delta.upserts, removals: delta.removals, scheme: delta.scheme)
    publish(
      after, receipt: receipt,
      context: ChangeContext(actor: entry.actor, rpcMethod: entry.rpcMethod, at: entry.committedAt),
      followed: true)
    if entry.kind == .setFramework { try loadFramework() }
  }
}

extension PortfolioSnapshot {
  /// What a change planned on this snapshot was planned against.
  var basis: CommitBasis {
    let snapshot = self
    return CommitBasis(
      revision: revision, project: { snapshot.project($0) }, projectIDs: { snapshot.projects.map(\.id) })
  }
}

/// The shared database went back under a daemon, from the revision it held to the one the
/// database holds now.
public struct StoreRewound: Sendable, Hashable {
  public var from: Int64
  public var to: Int64
}
