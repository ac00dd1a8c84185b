import Analytics
import Foundation
import GRDB

/// Writes one change to the tables inside the caller's transaction, with cached prepared
/// statements so a bulk import of 100 000 projects prepares each statement once.
struct PortfolioWriter {
  let db: Database
  /// The revision the change becomes.
  let revision: Int64
  /// The commit time, as stored.
  let timestamp: String

  /// What a change leaves in its journal row.
  struct Written {
    /// The projects it touched.
    var projectIDs: [String]
    /// The JSON payload.
    var payload: String
    /// The projects of an import, as an `impact-projects-bin/1` document.
    var projects: [UInt8]? = nil
  }

  /// Writes `change`; returns what its journal row keeps.
  func apply(_ change: StoredChange) throws -> Written {
    switch change {
    case .upsertProjects(let projects):
      let document = Self.journalDocument(of: projects)
      var rows = try ImportRows(writer: self, replace: false)
      try rows.write(projects) { _ in true }
      return try rows.finish(scheme: nil, journalDocument: document())

    case .deleteProjects(let ids):
      try requireDistinct(ids)
      let delete = try db.cachedStatement(sql: "DELETE FROM projects WHERE id = ?")
      for id in ids {
        try delete.execute(arguments: [id])
        guard db.changesCount > 0 else { throw Self.missingProject(id) }
      }
      return Written(projectIDs: ids, payload: try JournalPayload.deleted(ids))

    case .replacePortfolio(let projects, let scheme, let changed):
      let document = Self.journalDocument(of: projects)
      var rows = try ImportRows(writer: self, replace: true)
      try rows.write(projects) { changed?.contains($0.id) ?? true }
      return try rows.finish(scheme: scheme, journalDocument: document())

    case .setScheme(let scheme):
      return Written(projectIDs: [], payload: try activate(scheme))

    case .recordObservation(let observation):
      return Written(projectIDs: [observation.projectID], payload: try record(observation))

    case .recordRating(let projectID, let rating, let ratedAt):
      return Written(
        projectIDs: [projectID], payload: try record(rating, of: projectID, ratedAt: StoredTimestamp.text(ratedAt)))

    case .createSnapshot(let snapshot):
      return Written(projectIDs: [], payload: try store(snapshot))

    case .deleteSnapshot(let name):
      // The store checked that it exists, under the one writer.
      try db.execute(sql: "DELETE FROM snapshots WHERE name = ?", arguments: [name])
      return Written(projectIDs: [], payload: try JournalPayload.snapshotName(name, note: nil, revision: nil))

    case .setFramework(let document, let version, let setBy):
      // The primary key refuses a version written twice.
      try db.execute(
        sql: """
          INSERT INTO frameworks (version, document, set_at, set_by, set_revision)
          VALUES (?, ?, ?, ?, ?)
          """,
        arguments: [version, document, timestamp, setBy, revision])
      // The journal keeps the document, as it keeps a scheme's.
      return Written(projectIDs: [], payload: document)
    }
  }

  /// The journal document of an import's projects: encoded on another core while the rows
  /// are written when there are many of them.
  private static func journalDocument(of projects: [Project]) -> () -> [UInt8] {
    guard projects.count >= 1_000 else {
      let document = ProjectsBinary.encode(projects)
      return { document }
    }
    let background = BackgroundValue { ProjectsBinary.encode(projects) }
    return { background.value }
  }

  /// Stores a snapshot (the store checked its name is free; the primary key is the
  /// backstop); returns its journal payload (its name, note and revision: the documents stay
  /// in the `snapshots` table).
  private func store(_ snapshot: StoredSnapshot) throws -> String {
    try db.execute(
      sql: """
        INSERT INTO snapshots (name, note, revision, revision_committed_at, created_at, created_by,
          created_revision, scheme_id, project_count, total_amount, weighted_composite,
          projects, scheme_document)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        snapshot.name, snapshot.note, snapshot.revision,
        snapshot.revisionCommittedAt.map(StoredTimestamp.text), timestamp, snapshot.createdBy,
        revision, snapshot.schemeID, snapshot.projectCount, snapshot.totalAmount,
        snapshot.weightedComposite, Data(snapshot.projectsDocument), snapshot.schemeDocument,
      ])
    return try JournalPayload.snapshotName(snapshot.name, note: snapshot.note, revision: snapshot.revision)
  }

  /// Stores `scheme` and makes it the active one; returns its document.
  func activate(_ scheme: Scheme) throws -> String {
    let document = JournalPayload.scheme(scheme)
    try db.execute(sql: "UPDATE schemes SET active = 0 WHERE active = 1")
    try db.execute(
      sql: """
        INSERT INTO schemes (id, document, activated_at, activated_revision, active)
        VALUES (?, ?, ?, ?, 1)
        ON CONFLICT (id) DO UPDATE SET document = excluded.document,
          activated_at = excluded.activated_at, activated_revision = excluded.activated_revision,
          active = 1
        """,
      arguments: [scheme.id, document, timestamp, revision])
    return document
  }

  private func requireDistinct(_ ids: [String]) throws {
    var seen = Set<String>()
    for id in ids where !seen.insert(id).inserted {
      throw StorageError.duplicateProjectID(id)
    }
  }

  // MARK: - Projects

  /// A rating as stored, to keep the date and revision of a rating an upsert leaves unchanged.
  private struct StoredRating {
    var value: Double
    var comment: String?
    var ratedAt: String
    var revision: Int64
  }

  private struct RatingKey: Hashable {
    var criterion: String
    var rater: String
  }

  /// Inserts `project` at `position`, or replaces the stored project whole (keeping its
  /// position unless `reposition`).
  func upsert(_ project: Project, position: Int64, reposition: Bool) throws {
    do {
      let exists =
        try Bool.fetchOne(
          try db.cachedStatement(sql: "SELECT 1 FROM projects WHERE id = ?"),
          arguments: [project.id]) ?? false
      var previousRatings: [RatingKey: StoredRating] = [:]
      if exists {
        previousRatings = try storedRatings(of: project.id)
        try updateProjectRow(project, position: reposition ? position : nil)
        for table in ["outcomes", "risks", "ratings"] {
          try db.cachedStatement(sql: "DELETE FROM \(table) WHERE project_id = ?").execute(
            arguments: [project.id])
        }
      } else {
        try insertProjectRow(project, position: position)
      }
      try insertChildren(of: project, previousRatings: previousRatings)
    } catch {
      throw StorageError(error, projectID: project.id)
    }
  }

  private func insertProjectRow(_ project: Project, position: Int64) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO projects (id, position, name, programme, territory, status, amount, evidence_level,
          extra, created_revision, updated_revision)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let row = StatementBindings(statement)
    row.text(1, project.id)
    row.int64(2, position)
    row.text(3, project.name)
    row.text(4, project.programme)
    row.text(5, project.territory)
    row.text(6, project.status.rawValue)
    row.double(7, project.amount)
    row.int(8, project.evidenceLevel)
    row.text(9, project.extra)
    row.int64(10, revision)
    row.int64(11, revision)
    try row.execute()
  }

  private func updateProjectRow(_ project: Project, position: Int64?) throws {
    let statement = try db.cachedStatement(
      sql: """
        UPDATE projects SET position = COALESCE(?, position), name = ?, programme = ?, territory = ?,
          status = ?, amount = ?, evidence_level = ?, extra = ?, updated_revision = ?
        WHERE id = ?
        """)
    try statement.execute(arguments: [
      position, project.name, project.programme, project.territory, project.status.rawValue,
      project.amount,
      project.evidenceLevel, project.extra, revision, project.id,
    ])
  }

  private func storedRatings(of projectID: String) throws -> [RatingKey: StoredRating] {
    let statement = try db.cachedStatement(
      sql:
        "SELECT criterion, rater, value, comment, rated_at, revision FROM ratings WHERE project_id = ?"
    )
    var ratings: [RatingKey: StoredRating] = [:]
    let rows = try Row.fetchCursor(statement, arguments: [projectID])
    while let row = try rows.next() {
      ratings[RatingKey(criterion: row[0], rater: row[1])] = StoredRating(
        value: row[2], comment: row[3], ratedAt: row[4], revision: row[5])
    }
    return ratings
  }

  private func insertChildren(
    of project: Project, previousRatings: [RatingKey: StoredRating]
  )
    throws
  {
    if !project.outcomes.isEmpty {
      let statement = try db.cachedStatement(
        sql: """
          INSERT INTO outcomes (project_id, position, id, domain, share, indicator, unit, direction,
            baseline, threshold, target, actual, survey_very_much, survey_slightly, reach, duration_years,
            drop_off, deadweight, attribution, displacement, financial_proxy, harmful, nature, indicator_id, targets,
            impact_id)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let row = StatementBindings(statement)
      for (position, outcome) in project.outcomes.enumerated() {
        row.text(1, project.id)
        row.int(2, position)
        row.text(3, outcome.id)
        row.text(4, outcome.domain)
        row.double(5, outcome.share)
        row.text(6, outcome.indicator)
        row.text(7, outcome.unit)
        row.text(8, outcome.direction?.rawValue)
        row.double(9, outcome.baseline)
        row.double(10, outcome.threshold)
        row.double(11, outcome.target)
        row.double(12, outcome.actual)
        row.double(13, outcome.survey?.veryMuch)
        row.double(14, outcome.survey?.slightly)
        row.double(15, outcome.reach)
        row.int(16, outcome.durationYears)
        row.double(17, outcome.dropOff)
        row.double(18, outcome.deadweight)
        row.double(19, outcome.attribution)
        row.double(20, outcome.displacement)
        row.double(21, outcome.financialProxy)
        row.bool(22, outcome.harmful)
        row.text(23, outcome.nature.rawValue)
        row.text(24, outcome.indicatorID)
        row.text(25, StoredTargets.text(outcome.targets))
        row.text(26, outcome.impactID)
        try row.execute()
      }
    }
    if !project.risks.isEmpty {
      let statement = try db.cachedStatement(
        sql: "INSERT INTO risks (project_id, risk_type, level) VALUES (?, ?, ?)")
      let row = StatementBindings(statement)
      for (riskType, level) in project.risks {
        row.text(1, project.id)
        row.text(2, riskType)
        row.int(3, level)
        try row.execute()
      }
    }
    if !project.ratings.isEmpty {
      let statement = try db.cachedStatement(
        sql: """
          INSERT INTO ratings (project_id, position, criterion, rater, value, comment, rated_at, revision)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """)
      let row = StatementBindings(statement)
      for (position, rating) in project.ratings.enumerated() {
        let previous = previousRatings[RatingKey(criterion: rating.criterion, rater: rating.rater)]
        let kept = previous.flatMap { $0.value == rating.value && $0.comment == rating.comment ? $0 : nil }
        row.text(1, project.id)
        row.int(2, position)
        row.text(3, rating.criterion)
        row.text(4, rating.rater)
        row.double(5, rating.value)
        row.text(6, rating.comment)
        row.text(7, kept?.ratedAt ?? timestamp)
        row.int64(8, kept?.revision ?? revision)
        try row.execute()
        if kept == nil { try appendToHistory(rating, of: project.id, ratedAt: timestamp) }
      }
    }
  }

  // MARK: - Ratings and observations

  private func appendToHistory(_ rating: Rating, of projectID: String, ratedAt: String) throws {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO rating_history (project_id, criterion, rater, value, comment, rated_at, revision)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
    let row = StatementBindings(statement)
    row.text(1, projectID)
    row.text(2, rating.criterion)
    row.text(3, rating.rater)
    row.double(4, rating.value)
    row.text(5, rating.comment)
    row.text(6, ratedAt)
    row.int64(7, revision)
    try row.execute()
  }

  /// Marks the project changed at this revision; throws when it does not exist.
  private func touchProject(_ projectID: String) throws {
    try db.execute(
      sql: "UPDATE projects SET updated_revision = ? WHERE id = ?",
      arguments: [revision, projectID])
    guard db.changesCount > 0 else { throw Self.missingProject(projectID) }
  }

  /// A change naming a project that is not stored (the store checked it exists; this is the
  /// database's backstop).
  private static func missingProject(_ id: String) -> StorageError {
    .constraintViolated(projectID: id, detail: "no such project is stored")
  }

  private func record(_ rating: Rating, of projectID: String, ratedAt: String) throws -> String {
    do {
      try touchProject(projectID)
      try db.execute(
        sql: "DELETE FROM ratings WHERE project_id = ? AND criterion = ? AND rater = ?",
        arguments: [projectID, rating.criterion, rating.rater])
      // Last, as Project.record(_:) puts it, so memory and disk agree on the order.
      let position =
        try Int64.fetchOne(
          db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM ratings WHERE project_id = ?",
          arguments: [projectID]) ?? 0
      try db.execute(
        sql: """
          INSERT INTO ratings (project_id, position, criterion, rater, value, comment, rated_at, revision)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          projectID, position, rating.criterion, rating.rater, rating.value, rating.comment,
          ratedAt, revision,
        ])
      try appendToHistory(rating, of: projectID, ratedAt: ratedAt)
      return try JournalPayload.rating(projectID: projectID, rating, ratedAt: ratedAt)
    } catch {
      throw StorageError(error, projectID: projectID)
    }
  }

  private func record(_ observation: Observation) throws -> String {
    do {
      try touchProject(observation.projectID)
      try db.execute(
        sql: "UPDATE outcomes SET actual = ? WHERE project_id = ? AND id = ?",
        arguments: [observation.value, observation.projectID, observation.outcomeID])
      guard db.changesCount > 0 else {
        throw StorageError.constraintViolated(
          projectID: observation.projectID, detail: "no outcome '\(observation.outcomeID)' is stored in this project")
      }
      let recordedAt = StoredTimestamp.text(observation.recordedAt)
      try db.execute(
        sql: """
          INSERT INTO observations (project_id, outcome_id, value, period, source, recorded_by, recorded_at, revision, forced)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          observation.projectID, observation.outcomeID, observation.value, observation.period,
          observation.source, observation.recordedBy, recordedAt, revision, observation.forced,
        ])
      return try JournalPayload.observation(observation, recordedAt: recordedAt)
    } catch {
      throw StorageError(error, projectID: observation.projectID)
    }
  }
}
