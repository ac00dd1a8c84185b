package import Analytics
package import Foundation
import GRDB

/// A whole past state as stored: a checkpoint's or a snapshot's frozen projects and scheme.
package struct FrozenState: Sendable {
  package enum Origin: Sendable, Hashable {
    case checkpoint
    case snapshot(name: String)
  }

  package var revision: Int64
  package var schemeDocument: String
  package var projectsDocument: [UInt8]
  package var origin: Origin

  package init(revision: Int64, schemeDocument: String, projectsDocument: [UInt8], origin: Origin) {
    self.revision = revision
    self.schemeDocument = schemeDocument
    self.projectsDocument = projectsDocument
    self.origin = origin
  }

  /// What messages call it: `checkpoint 12`, `snapshot comite-2026-03`.
  package var source: String {
    switch origin {
    case .checkpoint: "checkpoint \(revision)"
    case .snapshot(let name): "snapshot \(name)"
    }
  }

  /// Its scheme and projects, decoded.
  /// - Throws: ``StorageError/unreadableValue(table:key:column:detail:)`` naming where it is stored.
  package func decoded() throws -> (scheme: Scheme, projects: [Project]) {
    let (table, key) = location
    do {
      let scheme = try SchemeJSON.decode(Data(schemeDocument.utf8), source: source)
      return (scheme, try ProjectsBinary.decode(projectsDocument))
    } catch {
      throw StorageError.unreadableValue(table: table, key: key, column: "projects", detail: "\(error)")
    }
  }

  /// Where it is stored, for messages: its table and its key there.
  package var location: (table: String, key: String) {
    switch origin {
    case .checkpoint: ("checkpoints", "\(revision)")
    case .snapshot(let name): ("snapshots", name)
    }
  }
}

extension ImpactDatabase {
  /// Stores the state of `revision` as a checkpoint (nothing when it has one already).
  package func writeCheckpoint(revision: Int64, scheme: Scheme, projects: [Project], at time: Date) throws {
    let document = Data(ProjectsBinary.encode(projects))
    let scheme = String(decoding: SchemeJSON.encode(scheme), as: UTF8.self)
    do {
      try writer.write { db in
        try db.execute(
          sql: """
            INSERT OR IGNORE INTO checkpoints (revision, created_at, project_count, scheme_document, projects)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [
            revision, StoredTimestamp.text(StoredTimestamp.normalized(time)), projects.count, scheme, document,
          ])
      }
    } catch {
      throw commitFailure(error)
    }
  }

  /// Every stored whole state a replay may start from: `revision`, and `snapshot`, the
  /// snapshot's name or NULL for a checkpoint. Snapshots kept as JSON (before schema v9) are
  /// left out: reading them costs more than a replay.
  private static let storedStates = """
    SELECT revision, NULL AS snapshot FROM checkpoints
    UNION ALL SELECT revision, name FROM snapshots WHERE projects IS NOT NULL
    """

  /// The stored whole state with the latest revision at or before `revision` (a checkpoint or
  /// a snapshot kept in binary), and after `after`; `nil` when there is none.
  package func nearestStoredState(atOrBefore revision: Int64, after: Int64) throws -> FrozenState? {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT revision, snapshot FROM (\(Self.storedStates))
            WHERE revision <= ? AND revision > ? ORDER BY revision DESC LIMIT 1
            """,
          arguments: [revision, after])
      else { return nil }
      let found: Int64 = row[0]
      let origin: FrozenState.Origin = (row[1] as String?).map { .snapshot(name: $0) } ?? .checkpoint
      let documents =
        switch origin {
        case .checkpoint:
          try Row.fetchOne(
            db, sql: "SELECT scheme_document, projects FROM checkpoints WHERE revision = ?", arguments: [found])
        case .snapshot(let name):
          try Row.fetchOne(db, sql: "SELECT scheme_document, projects FROM snapshots WHERE name = ?", arguments: [name])
        }
      guard let documents else { return nil }
      return FrozenState(
        revision: found, schemeDocument: documents[0], projectsDocument: [UInt8]((documents[1] as Data?) ?? Data()),
        origin: origin)
    }
  }

  /// The journal after the latest stored whole state: its revision count and payload bytes,
  /// what the next checkpoint is measured from.
  package func journalSinceLastStoredState() throws -> (revisions: Int64, bytes: Int64) {
    try read { db in
      let last = try Int64.fetchOne(db, sql: "SELECT MAX(revision) FROM (\(Self.storedStates))") ?? 0
      let row = try Row.fetchOne(
        db,
        sql:
          "SELECT COUNT(*), COALESCE(SUM(length(CAST(payload AS BLOB)) + COALESCE(length(projects), 0)), 0) FROM journal WHERE revision > ?",
        arguments: [last])
      return (row?[0] ?? 0, row?[1] ?? 0)
    }
  }

  /// The checkpoints: how many, and the bytes they take.
  func checkpointStatistics() throws -> (count: Int, bytes: Int64) {
    try read { db in
      let row = try Row.fetchOne(
        db,
        sql:
          "SELECT COUNT(*), COALESCE(SUM(length(projects) + length(CAST(scheme_document AS BLOB))), 0) FROM checkpoints"
      )
      return (row?[0] ?? 0, row?[1] ?? 0)
    }
  }
}
