package import Foundation
import GRDB

extension ImpactDatabase {
  /// Every snapshot, oldest first, without its documents.
  package func snapshotSummaries() throws -> [StoredSnapshot] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT name, note, revision, revision_committed_at, created_at, created_by, created_revision,
            scheme_id, project_count, total_amount, weighted_composite, NULL, NULL, NULL,
            \(Self.storedBytes)
          FROM snapshots ORDER BY created_revision
          """
      ).map(Self.snapshot)
    }
  }

  /// The snapshot named `name`, with its documents when `documents` is true; `nil` when
  /// there is none.
  package func snapshot(named name: String, documents: Bool) throws -> StoredSnapshot? {
    try read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT name, note, revision, revision_committed_at, created_at, created_by, created_revision,
            scheme_id, project_count, total_amount, weighted_composite,
            \(documents ? "projects, portfolio_document, scheme_document" : "NULL, NULL, NULL"),
            \(Self.storedBytes)
          FROM snapshots WHERE name = ?
          """,
        arguments: [name]
      ).map(Self.snapshot)
    }
  }

  /// The bytes a snapshot's documents take.
  private static let storedBytes = """
    COALESCE(length(projects), 0) + COALESCE(length(CAST(portfolio_document AS BLOB)), 0)
      + length(CAST(scheme_document AS BLOB))
    """

  private static func snapshot(_ row: Row) -> StoredSnapshot {
    StoredSnapshot(
      name: row[0], note: row[1], revision: row[2],
      revisionCommittedAt: (row[3] as String?).flatMap(StoredTimestamp.date),
      createdAt: (row[4] as String?).flatMap(StoredTimestamp.date), createdBy: row[5],
      createdRevision: row[6], schemeID: row[7], projectCount: row[8], totalAmount: row[9],
      weightedComposite: row[10], projectsDocument: (row[11] as Data?).map { [UInt8]($0) } ?? [],
      portfolioDocument: row[12] ?? "", schemeDocument: row[13] ?? "", storedBytes: row[14])
  }

  /// The last revision committed at or before `time`; 0 when none was.
  package func revision(committedAtOrBefore time: Date) throws -> Int64 {
    let text = StoredTimestamp.text(StoredTimestamp.normalized(time))
    return try read { db in
      try Int64.fetchOne(
        db, sql: "SELECT MAX(revision) FROM journal WHERE committed_at <= ?", arguments: [text]) ?? 0
    }
  }

  /// When `revision` was committed; `nil` for revision 0 or a revision not in the journal.
  package func commitTime(ofRevision revision: Int64) throws -> Date? {
    try read { db in
      try String.fetchOne(db, sql: "SELECT committed_at FROM journal WHERE revision = ?", arguments: [revision])
    }.flatMap(StoredTimestamp.date)
  }

  /// When each current rating of `projectID` at `revision` was given: the latest entry of the
  /// rating history at or before that revision, by criterion and rater.
  package func ratingTimes(
    projectID: String, throughRevision revision: Int64
  ) throws -> [RecordedValues.RatingKey: Date] {
    try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT criterion, rater, rated_at FROM rating_history
          WHERE project_id = ? AND revision <= ? ORDER BY id
          """,
        arguments: [projectID, revision])
      var times: [RecordedValues.RatingKey: Date] = [:]
      for row in rows {
        if let date = StoredTimestamp.date(row[2]) {
          times[RecordedValues.RatingKey(criterion: row[0], rater: row[1])] = date
        }
      }
      return times
    }
  }
}

extension ImpactDatabase {
  /// The observations of a project (of one outcome if `outcomeID` is set) recorded at or
  /// before `revision` (every one when `nil`), oldest first, after observation id `after`, at
  /// most `limit`; and how many the selection holds over every page.
  package func observations(
    projectID: String, outcomeID: String?, after: Int64?, limit: Int, throughRevision revision: Int64?
  ) throws -> (observations: [Observation], total: Int) {
    let page = try observations(projectID: projectID, outcomeID: outcomeID, after: after, limit: Int.max)
      .filter { observation in revision.map { (observation.revision ?? 0) <= $0 } ?? true }
    return (
      Array(page.prefix(max(limit, 0))),
      try observationCount(projectID: projectID, outcomeID: outcomeID, throughRevision: revision)
    )
  }

  private func observationCount(projectID: String, outcomeID: String?, throughRevision revision: Int64?) throws -> Int {
    try read { db in
      var sql = "SELECT COUNT(*) FROM observations WHERE project_id = ? AND revision <= ?"
      var arguments: StatementArguments = [projectID, revision ?? Int64.max]
      if let outcomeID {
        sql += " AND outcome_id = ?"
        arguments += [outcomeID]
      }
      return try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
    }
  }
}
