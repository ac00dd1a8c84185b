import Foundation
import GRDB

extension ImpactDatabase {
  /// Applies `change` in one write transaction: writes the change, appends its journal row and
  /// bumps the revision. Returns once the transaction is committed (and synced, with
  /// ``Durability/full``). The context's expected revision is the store's to check
  /// (``PortfolioStore``, under its one writer), not checked again here.
  ///
  /// A refused or failed change (an unknown project, a value the schema refuses, an I/O error)
  /// is rolled back whole: the database is as it was.
  /// - Throws: ``StorageError``.
  @discardableResult
  public func commit(_ change: StoredChange, context: ChangeContext) throws -> CommitReceipt {
    do {
      return try writer.write { db in try Self.apply(change, context: context, in: db) }
    } catch {
      throw commitFailure(error)
    }
  }

  /// ``commit(_:context:)`` without blocking the caller's thread while SQLite writes.
  @discardableResult
  public func commit(_ change: StoredChange, context: ChangeContext) async throws -> CommitReceipt {
    do {
      return try await writer.write { db in try Self.apply(change, context: context, in: db) }
    } catch {
      throw commitFailure(error)
    }
  }

  /// The revision of the last committed change; 0 for a new store.
  public func currentRevision() throws -> Int64 {
    try read { db in try Self.currentRevision(in: db) }
  }

  static func currentRevision(in db: Database) throws -> Int64 {
    try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'revision'") ?? 0
  }

  private static func apply(
    _ change: StoredChange, context: ChangeContext, in db: Database
  ) throws
    -> CommitReceipt
  {
    let current = try currentRevision(in: db)
    let revision = current + 1
    let committedAt = StoredTimestamp.normalized(context.at)
    let timestamp = StoredTimestamp.text(committedAt)
    let writer = PortfolioWriter(db: db, revision: revision, timestamp: timestamp)
    let written = try writer.apply(change)
    return try appendJournal(
      written, kind: change.kind, revision: revision, before: current, timestamp: timestamp,
      committedAt: committedAt, context: context, in: db)
  }

  /// Appends the journal row of a change written at `revision` and makes it the current one.
  static func appendJournal(
    _ written: PortfolioWriter.Written, kind: ChangeKind, revision: Int64, before current: Int64,
    timestamp: String, committedAt: Date, context: ChangeContext, in db: Database
  ) throws -> CommitReceipt {
    try db.execute(
      sql: """
        INSERT INTO journal
          (revision, committed_at, actor, rpc_method, kind, project_ids, revision_before, payload, projects)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        revision, timestamp, context.actor, context.rpcMethod, kind.rawValue,
        JournalPayload.projectIDs(written.projectIDs), current, written.payload, written.projects.map { Data($0) },
      ])
    try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'revision'", arguments: [revision])
    return CommitReceipt(
      revision: revision, committedAt: committedAt, kind: kind,
      projectIDs: written.projectIDs, payloadBytes: written.payload.utf8.count + (written.projects?.count ?? 0))
  }
}
