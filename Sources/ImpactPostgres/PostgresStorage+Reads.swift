package import Foundation
package import ImpactStorage
import NIOCore
import PostgresNIO

extension PostgresStorage {
  package func recordedValues(of projectIDs: [String]) throws -> [String: RecordedValues] {
    guard !projectIDs.isEmpty else { return [:] }
    return try read { connection, logger in
      var values: [String: RecordedValues] = [:]
      // The current stamp of a rating is its latest entry in the history: a rating restated
      // unchanged is not appended again.
      let ratings = try await connection.rows(
        """
        SELECT DISTINCT ON (project_id, criterion, rater) project_id, criterion, rater, rated_at, revision
        FROM rating_history WHERE project_id = ANY(\(projectIDs))
        ORDER BY project_id, criterion, rater, id DESC
        """, logger: logger)
      for row in ratings {
        let (project, criterion, rater, at, revision) = try row.decode((String, String, String, String, Int64).self)
        values[project, default: RecordedValues()].ratings[
          RecordedValues.RatingKey(criterion: criterion, rater: rater)] = Self.stamp(at, revision)
      }
      let observations = try await connection.rows(
        """
        SELECT DISTINCT ON (project_id, outcome_id) project_id, outcome_id, recorded_at, revision
        FROM observations WHERE project_id = ANY(\(projectIDs))
        ORDER BY project_id, outcome_id, id DESC
        """, logger: logger)
      for row in observations {
        let (project, outcome, at, revision) = try row.decode((String, String, String, Int64).self)
        values[project, default: RecordedValues()].observations[outcome] = Self.stamp(at, revision)
      }
      return values
    }
  }

  private static func stamp(_ text: String, _ revision: Int64) -> RecordedValues.Stamp {
    RecordedValues.Stamp(at: StoredTimestamp.date(text) ?? .distantPast, revision: revision)
  }

  package func nearestStoredState(atOrBefore revision: Int64, after: Int64) throws -> FrozenState? {
    try read { connection, logger in
      guard
        let row = try await connection.rows(
          """
          SELECT revision, snapshot, scheme_document, projects FROM (
            SELECT revision, NULL::TEXT AS snapshot, scheme_document, projects FROM checkpoints
            UNION ALL SELECT revision, name, scheme_document, projects FROM snapshots) AS stored
          WHERE revision <= \(revision) AND revision > \(after) ORDER BY revision DESC LIMIT 1
          """, logger: logger
        ).first
      else { return nil }
      let (found, snapshot, scheme, projects) = try row.decode((Int64, String?, String, ByteBuffer).self)
      return FrozenState(
        revision: found, schemeDocument: scheme, projectsDocument: Array(projects.readableBytesView),
        origin: snapshot.map { .snapshot(name: $0) } ?? .checkpoint)
    }
  }

  package func journal(matching filter: JournalFilter, after: Int64?, limit: Int) throws -> [JournalEntry] {
    var conditions = ["revision > $1"]
    var binds = PostgresBindings()
    binds.append(after ?? 0)
    if let kind = filter.kind {
      binds.append(kind.rawValue)
      conditions.append("kind = $\(binds.count)")
    }
    if let actor = filter.actor {
      binds.append(actor)
      conditions.append("actor = $\(binds.count)")
    }
    if let projectID = filter.projectID {
      binds.append(projectID)
      conditions.append("jsonb_exists(project_ids::jsonb, $\(binds.count))")
    }
    binds.append(Int64(max(limit, 0)))
    let sql = """
      SELECT revision, committed_at, actor, rpc_method, kind, project_ids, revision_before, payload, projects
      FROM journal WHERE \(conditions.joined(separator: " AND ")) ORDER BY revision LIMIT $\(binds.count)
      """
    let bound = binds
    return try read { connection, logger in
      try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: bound), logger: logger).map { row in
        let (revision, committedAt, actor, method, kindText, idsText, before, payload, projects) = try row.decode(
          (Int64, String, String, String, String, String, Int64, String, ByteBuffer?).self)
        func unreadable(_ column: String, _ text: String) -> StorageError {
          .unreadableValue(
            table: "journal", key: "\(revision)", column: column, detail: "cannot read '\(text.prefix(80))'")
        }
        guard let date = StoredTimestamp.date(committedAt) else { throw unreadable("committed_at", committedAt) }
        guard let kind = ChangeKind(rawValue: kindText) else { throw unreadable("kind", kindText) }
        guard let ids = JournalPayload.projectIDs(fromText: idsText) else { throw unreadable("project_ids", idsText) }
        return JournalEntry(
          revision: revision, committedAt: date, actor: actor, rpcMethod: method, kind: kind, projectIDs: ids,
          revisionBefore: before, payload: payload, projects: projects.map { Array($0.readableBytesView) })
      }
    }
  }

  package func snapshotSummaries() throws -> [StoredSnapshot] {
    try snapshots(where: "TRUE ORDER BY created_revision", PostgresBindings(), documents: false)
  }

  package func snapshot(named name: String, documents: Bool) throws -> StoredSnapshot? {
    var binds = PostgresBindings()
    binds.append(name)
    return try snapshots(where: "name = $1", binds, documents: documents).first
  }

  private func snapshots(
    where condition: String, _ binds: PostgresBindings, documents: Bool
  ) throws
    -> [StoredSnapshot]
  {
    let sql = """
      SELECT name, note, revision, revision_committed_at, created_at, created_by, created_revision,
        scheme_id, project_count, total_amount, weighted_composite,
        \(documents ? "projects, scheme_document" : "NULL::BYTEA, NULL::TEXT"),
        (octet_length(projects) + octet_length(scheme_document))::BIGINT
      FROM snapshots WHERE \(condition)
      """
    return try read { connection, logger in
      try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).map { row in
        let columns = try row.decode(
          (
            String, String, Int64, String?, String, String, Int64, String, Int64, Double, Double, ByteBuffer?,
            String?, Int64
          ).self)
        return StoredSnapshot(
          name: columns.0, note: columns.1, revision: columns.2,
          revisionCommittedAt: columns.3.flatMap(StoredTimestamp.date), createdAt: StoredTimestamp.date(columns.4),
          createdBy: columns.5, createdRevision: columns.6, schemeID: columns.7, projectCount: columns.8,
          totalAmount: columns.9, weightedComposite: columns.10,
          projectsDocument: columns.11.map { Array($0.readableBytesView) } ?? [], portfolioDocument: "",
          schemeDocument: columns.12 ?? "", storedBytes: columns.13)
      }
    }
  }

  package func revision(committedAtOrBefore time: Date) throws -> Int64 {
    let text = StoredTimestamp.text(StoredTimestamp.normalized(time))
    return try read { connection, logger in
      try await connection.rows(
        "SELECT COALESCE(MAX(revision), 0) FROM journal WHERE committed_at <= \(text)", logger: logger
      ).first?.decode(Int64.self) ?? 0
    }
  }

  package func commitTime(ofRevision revision: Int64) throws -> Date? {
    try read { connection, logger in
      try await connection.rows("SELECT committed_at FROM journal WHERE revision = \(revision)", logger: logger)
        .first?.decode(String.self)
    }.flatMap(StoredTimestamp.date)
  }

  package func ratingTimes(
    projectID: String, throughRevision revision: Int64
  ) throws -> [RecordedValues.RatingKey: Date] {
    try read { connection, logger in
      var times: [RecordedValues.RatingKey: Date] = [:]
      for row in try await connection.rows(
        """
        SELECT criterion, rater, rated_at FROM rating_history
        WHERE project_id = \(projectID) AND revision <= \(revision) ORDER BY id
        """, logger: logger)
      {
        let (criterion, rater, at) = try row.decode((String, String, String).self)
        if let date = StoredTimestamp.date(at) {
          times[RecordedValues.RatingKey(criterion: criterion, rater: rater)] = date
        }
      }
      return times
    }
  }

  package func observations(
    projectID: String, outcomeID: String?, after: Int64?, limit: Int, throughRevision revision: Int64?
  ) throws -> (observations: [Observation], total: Int) {
    let through = revision ?? Int64.max
    let first = after ?? 0
    let count = Int64(max(limit, 0))
    return try read { connection, logger in
      let outcome = outcomeID
      let rows = try await connection.rows(
        """
        SELECT id, project_id, outcome_id, value, period, source, recorded_by, recorded_at, revision, forced
        FROM observations WHERE project_id = \(projectID) AND (\(outcome)::TEXT IS NULL OR outcome_id = \(outcome))
          AND revision <= \(through) AND id > \(first) ORDER BY id LIMIT \(count)
        """, logger: logger)
      let observations = try rows.map { row in
        let columns = try row.decode((Int64, String, String, Double, String, String?, String, String, Int64, Bool).self)
        guard let date = StoredTimestamp.date(columns.7) else {
          throw StorageError.unreadableValue(
            table: "observations", key: "\(columns.0)", column: "recorded_at",
            detail: "not a timestamp: '\(columns.7)'")
        }
        return Observation(
          id: columns.0, projectID: columns.1, outcomeID: columns.2, value: columns.3, period: columns.4,
          source: columns.5, recordedBy: columns.6, recordedAt: date, revision: columns.8, forced: columns.9)
      }
      let total =
        try await connection.rows(
          """
          SELECT COUNT(*) FROM observations WHERE project_id = \(projectID)
            AND (\(outcome)::TEXT IS NULL OR outcome_id = \(outcome)) AND revision <= \(through)
          """, logger: logger
        ).first?.decode(Int64.self) ?? 0
      return (observations, Int(total))
    }
  }

  package func framework(version: Int64?) throws -> StoredFramework? {
    try read { connection, logger in
      let rows =
        if let version {
          try await connection.rows(
            "SELECT version, document, set_at, set_by, set_revision FROM frameworks WHERE version = \(version)",
            logger: logger)
        } else {
          try await connection.rows(
            "SELECT version, document, set_at, set_by, set_revision FROM frameworks ORDER BY version DESC LIMIT 1",
            logger: logger)
        }
      return try rows.first.map(Self.framework)
    }
  }

  package func frameworkVersions() throws -> [StoredFramework] {
    try read { connection, logger in
      try await connection.rows(
        "SELECT version, '', set_at, set_by, set_revision FROM frameworks ORDER BY version DESC", logger: logger
      ).map(Self.framework)
    }
  }

  private static func framework(_ row: PostgresRow) throws -> StoredFramework {
    let (version, document, setAt, setBy, revision) = try row.decode((Int64, String, String, String, Int64).self)
    return StoredFramework(
      version: version, document: document, setAt: StoredTimestamp.date(setAt), setBy: setBy, revision: revision)
  }
}
