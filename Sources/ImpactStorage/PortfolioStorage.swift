package import Analytics
package import Foundation

/// Where the portfolio is kept: the embedded SQLite file (``ImpactDatabase``) or a shared
/// PostgreSQL database (`PostgresStorage`). The store in memory (`PortfolioStore`) speaks to
/// either through this protocol, and one storage test suite runs over both.
///
/// The calls block their thread: the store makes them on its writer's queue or its history
/// queue, never on a thread of Swift's cooperative pool.
package protocol PortfolioStorage: Sendable {
  /// Where the store is, for messages: a file path, or `postgres://user@host:port/db`.
  var location: String { get }
  /// True when the store refuses every write (`--read-only`).
  var isReadOnly: Bool { get }
  /// True when other daemons may commit to the same store: the store in memory then catches up
  /// from the journal before it checks a write, and follows the others' changes.
  var isShared: Bool { get }

  // MARK: Start-up

  /// The whole portfolio at the latest revision, its projects in id order.
  func loadStateInIDOrder() throws -> StoredState
  /// The journal after the latest stored whole state: what the next checkpoint is measured from.
  func journalSinceLastStoredState() throws -> (revisions: Int64, bytes: Int64)
  /// The revision of the last committed change; 0 for a new store.
  func currentRevision() throws -> Int64

  // MARK: Writes

  /// Commits `change`, planned against `basis`, in one transaction: its rows, its journal row
  /// and the new revision. A shared store throws ``StorageBehind`` (and commits nothing) when
  /// another daemon committed after `basis.revision`: the caller catches up and plans again.
  func commit(_ change: StoredChange, context: ChangeContext, basis: CommitBasis) throws -> CommitReceipt
  /// A streamed import in one transaction: `body` writes the projects as they arrive (see
  /// ``ImportTransaction``) and returns how the import ends, or `nil` to commit nothing.
  func writeImport(
    replace: Bool, context: ChangeContext, basis: CommitBasis,
    _ body: (any ImportWriting) throws -> ImportTransaction.End?
  ) throws -> CommitReceipt?
  /// Stores the state of `revision` as a checkpoint (nothing when it has one already).
  func writeCheckpoint(revision: Int64, scheme: Scheme, projects: [Project], at time: Date) throws

  // MARK: History

  func recordedValues(of projectIDs: [String]) throws -> [String: RecordedValues]
  func nearestStoredState(atOrBefore revision: Int64, after: Int64) throws -> FrozenState?
  func journal(matching filter: JournalFilter, after: Int64?, limit: Int) throws -> [JournalEntry]
  func snapshotSummaries() throws -> [StoredSnapshot]
  func snapshot(named name: String, documents: Bool) throws -> StoredSnapshot?
  func revision(committedAtOrBefore time: Date) throws -> Int64
  func commitTime(ofRevision revision: Int64) throws -> Date?
  func ratingTimes(projectID: String, throughRevision revision: Int64) throws -> [RecordedValues.RatingKey: Date]
  func observations(
    projectID: String, outcomeID: String?, after: Int64?, limit: Int, throughRevision revision: Int64?
  ) throws -> (observations: [Observation], total: Int)
  func framework(version: Int64?) throws -> StoredFramework?
  func frameworkVersions() throws -> [StoredFramework]

  // MARK: Housekeeping

  /// Returns cached pages to the system after a large change (SQLite's page caches).
  func releaseMemory()
  /// Shrinks what a large change left behind (SQLite's write-ahead log); the bytes it freed.
  func truncateWriteAheadLog() async throws -> Int
  /// Closes the connections.
  func close() throws
}

extension PortfolioStorage {
  package func journal(after: Int64?, limit: Int) throws -> [JournalEntry] {
    try journal(matching: JournalFilter(), after: after, limit: limit)
  }

  /// The portfolio at `revision`: from `start` (a state the caller already has, else the empty
  /// store), or from the nearest checkpoint or snapshot after it when there is one, then the
  /// journal up to `revision`, in batches. How a past revision is read (the history) and how a
  /// shared store's portfolio is loaded at start (it keeps no table of current projects).
  /// - Throws: ``StorageError`` for a stored state or a journal entry that cannot be read.
  package func replayed(to revision: Int64, from start: JournalReplay? = nil) throws -> JournalReplay {
    var replay = start ?? JournalReplay(revision: 0, scheme: .impactV1, projects: [])
    if let stored = try nearestStoredState(atOrBefore: revision, after: replay.revision) {
      let (scheme, projects) = try stored.decoded()
      replay = JournalReplay(revision: stored.revision, scheme: scheme, projects: projects)
    }
    while replay.revision < revision {
      let batch = try journal(after: replay.revision, limit: Int(min(revision - replay.revision, 200)))
      guard !batch.isEmpty else { break }
      for entry in batch { try replay.apply(entry) }
    }
    return replay
  }
}

/// What the store knew when it planned a change: the revision its snapshot was at, and that
/// snapshot's projects. A shared store checks the revision is still the latest; it also reads
/// the projects a change replaces from here rather than from its tables.
package struct CommitBasis: Sendable {
  package var revision: Int64
  /// The project of that id in the snapshot, if any.
  package var project: @Sendable (String) -> Project?
  /// Every project id of the snapshot, sorted.
  package var projectIDs: @Sendable () -> [String]

  package init(
    revision: Int64, project: @escaping @Sendable (String) -> Project?,
    projectIDs: @escaping @Sendable () -> [String]
  ) {
    self.revision = revision
    self.project = project
    self.projectIDs = projectIDs
  }

  /// An empty store at revision 0 (tests).
  package static let empty = CommitBasis(revision: 0, project: { _ in nil }, projectIDs: { [] })
}

/// A shared store refused a commit because another daemon committed first: nothing was
/// written; the caller catches up to `head` and plans its change again.
package struct StorageBehind: Error, Sendable, Equatable {
  package var head: Int64

  package init(head: Int64) { self.head = head }
}

/// The part of an import transaction a streamed import writes through while its projects arrive.
package protocol ImportWriting: AnyObject {
  /// The revision the import becomes if it commits.
  var revision: Int64 { get }
  /// Writes the next projects of the document; `changed` says which differ from the stored ones.
  func write(_ projects: some Collection<Project>, changed: (Project) -> Bool) throws
  /// When the current ratings and latest observations of `projectIDs` were recorded.
  func recordedValues(of projectIDs: [String]) throws -> [String: RecordedValues]
}
