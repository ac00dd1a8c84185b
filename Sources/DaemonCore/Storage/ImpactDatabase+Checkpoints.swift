import Analytics
import Foundation
import GRDB

/// A whole past state as stored: a checkpoint's or a snapshot's frozen projects and scheme.
struct FrozenState: Sendable {
  var revision: Int64
  var schemeDocument: String
  var projectsDocument: [UInt8]
  /// `checkpoint` or the snapshot's name, for messages.
  var origin: String
}

extension ImpactDatabase {
  /// Stores the state of `revision` as a checkpoint (nothing when it has one already).
  func writeCheckpoint(revision: Int64, scheme: Scheme, projects: [Project], at time: Date) throws {
    let document = Data(ProjectsBinary.encode(projects))
    let scheme = String(decoding: SchemeJSON.encode(scheme), as: UTF8.self)
    do {
      try writer.write { db in
        try db.execute(
          sql: """
            INSERT OR IGNORE INTO checkpoints (revision, created_at, project_count, scheme_document, projects)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [revision, StoredTimestamp.text(StoredTimestamp.normalized(time)), projects.count, scheme, document])
      }
    } catch {
      throw commitFailure(error)
    }
  }

  /// The stored whole state with the latest revision at or before `revision` (a checkpoint or
  /// a snapshot kept in binary), and after `after`; `nil` when there is none.
  func nearestStoredState(atOrBefore revision: Int64, after: Int64) throws -> FrozenState? {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT revision, origin FROM (
              SELECT revision, 'checkpoint' AS origin FROM checkpoints WHERE revision <= ?1 AND revision > ?2
              UNION ALL
              SELECT revision, name FROM snapshots WHERE projects IS NOT NULL AND revision <= ?1 AND revision > ?2
            ) ORDER BY revision DESC LIMIT 1
            """,
          arguments: [revision, after])
      else { return nil }
      let found: Int64 = row[0]
      let origin: String = row[1]
      let documents =
        origin == "checkpoint"
        ? try Row.fetchOne(db, sql: "SELECT scheme_document, projects FROM checkpoints WHERE revision = ?", arguments: [found])
        : try Row.fetchOne(db, sql: "SELECT scheme_document, projects FROM snapshots WHERE name = ?", arguments: [origin])
      guard let documents else { return nil }
      return FrozenState(
        revision: found, schemeDocument: documents[0], projectsDocument: [UInt8]((documents[1] as Data?) ?? Data()),
        origin: origin)
    }
  }

  /// The journal after the latest stored whole state: its revision count and payload bytes,
  /// what the next checkpoint is measured from.
  func journalSinceLastStoredState() throws -> (revisions: Int64, bytes: Int64) {
    try read { db in
      let last =
        try Int64.fetchOne(
          db,
          sql: """
            SELECT MAX(revision) FROM (SELECT MAX(revision) AS revision FROM checkpoints
              UNION ALL SELECT MAX(revision) FROM snapshots WHERE projects IS NOT NULL)
            """) ?? 0
      let row = try Row.fetchOne(
        db,
        sql: "SELECT COUNT(*), COALESCE(SUM(length(CAST(payload AS BLOB))), 0) FROM journal WHERE revision > ?",
        arguments: [last])
      return (row?[0] ?? 0, row?[1] ?? 0)
    }
  }

  /// The checkpoints: how many, and the bytes they take.
  func checkpointStatistics() throws -> (count: Int, bytes: Int64) {
    try read { db in
      let row = try Row.fetchOne(
        db, sql: "SELECT COUNT(*), COALESCE(SUM(length(projects) + length(CAST(scheme_document AS BLOB))), 0) FROM checkpoints")
      return (row?[0] ?? 0, row?[1] ?? 0)
    }
  }
}
