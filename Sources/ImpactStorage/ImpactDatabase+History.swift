import Foundation
import GRDB

extension ImpactDatabase {
  /// The observations of a project (of one of its outcomes if `outcomeID` is set), oldest
  /// first, from the one after observation id `after`, at most `limit`.
  public func observations(
    projectID: String,
    outcomeID: String? = nil,
    after: Int64? = nil,
    limit: Int = 100
  ) throws -> [Observation] {
    try read { db in
      var sql = """
        SELECT id, project_id, outcome_id, value, period, source, recorded_by, recorded_at, revision, forced
        FROM observations WHERE project_id = ?
        """
      var arguments: StatementArguments = [projectID]
      if let outcomeID {
        sql += " AND outcome_id = ?"
        arguments += [outcomeID]
      }
      sql += " AND id > ? ORDER BY id LIMIT ?"
      arguments += [after ?? 0, max(limit, 0)]
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        let id: Int64 = row[0]
        let recordedAt: String = row[7]
        guard let date = StoredTimestamp.date(recordedAt) else {
          throw StorageError.unreadableValue(
            table: "observations", key: "\(id)", column: "recorded_at",
            detail: "not a timestamp: '\(recordedAt)'")
        }
        return Observation(
          id: id, projectID: row[1], outcomeID: row[2], value: row[3], period: row[4],
          source: row[5],
          recordedBy: row[6], recordedAt: date, revision: row[8], forced: row[9])
      }
    }
  }

  /// How many observations the project (or one of its outcomes) has, for `total_size`.
  public func observationCount(projectID: String, outcomeID: String? = nil) throws -> Int {
    try read { db in
      if let outcomeID {
        return try Int.fetchOne(
          db, sql: "SELECT COUNT(*) FROM observations WHERE project_id = ? AND outcome_id = ?",
          arguments: [projectID, outcomeID]) ?? 0
      }
      return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM observations WHERE project_id = ?", arguments: [projectID])
        ?? 0
    }
  }

  /// The journal entries matching `filter`, oldest first, from the revision after `after`, at
  /// most `limit`.
  public func journal(
    matching filter: JournalFilter = JournalFilter(), after: Int64? = nil, limit: Int = 100
  ) throws -> [JournalEntry] {
    try read { db in
      var conditions = ["revision > ?"]
      var arguments: StatementArguments = [after ?? 0]
      if let kind = filter.kind {
        conditions.append("kind = ?")
        arguments += [kind.rawValue]
      }
      if let actor = filter.actor {
        conditions.append("actor = ?")
        arguments += [actor]
      }
      if let projectID = filter.projectID {
        conditions.append(
          "EXISTS (SELECT 1 FROM json_each(journal.project_ids) WHERE json_each.value = ?)")
        arguments += [projectID]
      }
      arguments += [max(limit, 0)]
      let sql = """
        SELECT revision, committed_at, actor, rpc_method, kind, project_ids, revision_before, payload, projects
        FROM journal WHERE \(conditions.joined(separator: " AND ")) ORDER BY revision LIMIT ?
        """
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        let revision: Int64 = row[0]
        func unreadable(_ column: String, _ text: String) -> StorageError {
          .unreadableValue(
            table: "journal", key: "\(revision)", column: column,
            detail: "cannot read '\(text.prefix(80))'")
        }
        let committedAt: String = row[1]
        let kindText: String = row[4]
        let idsText: String = row[5]
        guard let date = StoredTimestamp.date(committedAt) else {
          throw unreadable("committed_at", committedAt)
        }
        guard let kind = ChangeKind(rawValue: kindText) else { throw unreadable("kind", kindText) }
        guard let ids = JournalPayload.projectIDs(fromText: idsText) else {
          throw unreadable("project_ids", idsText)
        }
        return JournalEntry(
          revision: revision, committedAt: date, actor: row[2], rpcMethod: row[3], kind: kind,
          projectIDs: ids,
          revisionBefore: row[6], payload: row[7], projects: (row[8] as Data?).map { [UInt8]($0) })
      }
    }
  }
}
