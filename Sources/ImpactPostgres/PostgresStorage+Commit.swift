package import Analytics
package import Foundation
package import ImpactStorage
import Logging
import NIOCore
import PostgresNIO

extension PostgresStorage {
  package func commit(_ change: StoredChange, context: ChangeContext, basis: CommitBasis) throws -> CommitReceipt {
    do {
      return try writer.hold {
        let open = try begin(basis: basis, context: context)
        do {
          let written = try apply(change, in: open, basis: basis)
          return try finish(open, kind: change.kind, written: written, context: context)
        } catch {
          rollBack()
          throw error
        }
      }
    } catch {
      throw storageError(error)
    }
  }

  package func writeImport(
    replace: Bool, context: ChangeContext, basis: CommitBasis,
    _ body: (any ImportWriting) throws -> ImportTransaction.End?
  ) throws -> CommitReceipt? {
    var refusal: (any Error)?
    do {
      return try writer.hold {
        let open = try begin(basis: basis, context: context)
        do {
          let transaction = PostgresImport(storage: self, open: open, basis: basis, replace: replace)
          let end: ImportTransaction.End?
          do {
            end = try body(transaction)
          } catch {
            refusal = error
            throw error
          }
          guard let end else {
            rollBack()
            return nil
          }
          let written = try transaction.finish(end)
          return try finish(
            open, kind: replace ? .replacePortfolio : .upsertProjects, written: written, context: context)
        } catch {
          rollBack()
          throw error
        }
      }
    } catch {
      if let refusal { throw refusal }
      throw storageError(error)
    }
  }

  package func writeCheckpoint(revision: Int64, scheme: Scheme, projects: [Project], at time: Date) throws {
    let document = ByteBuffer(bytes: ProjectsBinary.encode(projects))
    let scheme = String(decoding: SchemeJSON.encode(scheme), as: UTF8.self)
    let created = StoredTimestamp.text(StoredTimestamp.normalized(time))
    let count = Int64(projects.count)
    do {
      try writer.run(timeout: .seconds(120)) { connection, logger in
        try await connection.query(
          """
          INSERT INTO checkpoints (revision, created_at, project_count, scheme_document, projects)
          VALUES (\(revision), \(created), \(count), \(scheme), \(document)) ON CONFLICT (revision) DO NOTHING
          """, logger: logger)
      }
    } catch {
      throw storageError(error)
    }
  }

  // MARK: - The transaction

  /// A write transaction holding the revision: what it becomes and when.
  struct OpenCommit {
    var before: Int64
    var revision: Int64 { before + 1 }
    var committedAt: Date
    var timestamp: String
  }

  /// What a change leaves in its journal row.
  struct Written {
    var projectIDs: [String]
    var payload: String
    var projects: [UInt8]? = nil
  }

  /// Begins a transaction and takes the revision: waits for another daemon's commit in
  /// progress, and refuses with ``StorageBehind`` when the latest revision is not the basis's.
  func begin(basis: CommitBasis, context: ChangeContext) throws -> OpenCommit {
    let head = try writer.runHeld { connection, logger in
      try await connection.query("BEGIN", logger: logger)
      return try await connection.rows(
        "SELECT value FROM meta WHERE key = 'revision' FOR UPDATE", logger: logger
      ).first?.decode(Int64.self) ?? 0
    }
    guard head == basis.revision else {
      rollBack()
      throw StorageBehind(head: head)
    }
    let committedAt = StoredTimestamp.normalized(context.at)
    return OpenCommit(before: head, committedAt: committedAt, timestamp: StoredTimestamp.text(committedAt))
  }

  /// Appends the journal row, moves the revision, notifies the other daemons and commits.
  func finish(_ open: OpenCommit, kind: ChangeKind, written: Written, context: ChangeContext) throws -> CommitReceipt {
    let ids = try JournalPayload.projectIDs(written.projectIDs)
    let projects = written.projects.map { ByteBuffer(bytes: $0) }
    let revision = open.revision
    let before = open.before
    let timestamp = open.timestamp
    let payload = written.payload
    let notice = "\(revision)"
    try writer.runHeld(timeout: .seconds(120)) { connection, logger in
      // One round trip: the journal row, the revision and the notification (sent at commit).
      try await connection.query(
        """
        WITH appended AS (
          INSERT INTO journal
            (revision, committed_at, actor, rpc_method, kind, project_ids, revision_before, payload, projects)
          VALUES (\(revision), \(timestamp), \(context.actor), \(context.rpcMethod), \(kind.rawValue), \(ids),
            \(before), \(payload), \(projects))
        ), moved AS (
          UPDATE meta SET value = \(revision) WHERE key = 'revision'
        )
        SELECT pg_notify(\(Self.channel), \(notice))
        """, logger: logger)
      try await connection.query("COMMIT", logger: logger)
    }
    return CommitReceipt(
      revision: revision, committedAt: open.committedAt, kind: kind, projectIDs: written.projectIDs,
      payloadBytes: payload.utf8.count + (written.projects?.count ?? 0))
  }

  /// Ends the open transaction without a trace (a failed connection rolls back by itself).
  func rollBack() {
    _ = try? writer.runHeld { connection, logger in try await connection.query("ROLLBACK", logger: logger) }
  }

  // MARK: - Changes

  private func apply(_ change: StoredChange, in open: OpenCommit, basis: CommitBasis) throws -> Written {
    let revision = open.revision
    let timestamp = open.timestamp
    switch change {
    case .upsertProjects(let projects):
      try appendRatingHistory(of: projects, basis: basis, open: open)
      return Written(
        projectIDs: projects.map(\.id), payload: JournalPayload.projects([], scheme: nil),
        projects: ProjectsBinary.encode(projects))

    case .deleteProjects(let ids):
      var seen = Set<String>()
      for id in ids {
        guard seen.insert(id).inserted else { throw StorageError.duplicateProjectID(id) }
        guard basis.project(id) != nil else {
          throw StorageError.constraintViolated(projectID: id, detail: "no such project is stored")
        }
      }
      return Written(projectIDs: ids, payload: try JournalPayload.deleted(ids))

    case .replacePortfolio(let projects, let scheme, let changed):
      let written = projects.filter { changed?.contains($0.id) ?? true }
      try appendRatingHistory(of: written, basis: basis, open: open)
      if let scheme { try activate(scheme, open: open) }
      let kept = Set(projects.map(\.id))
      let removed = basis.projectIDs().filter { !kept.contains($0) }
      return Written(
        projectIDs: written.map(\.id) + removed, payload: JournalPayload.projects([], scheme: scheme),
        projects: ProjectsBinary.encode(projects))

    case .setScheme(let scheme):
      return Written(projectIDs: [], payload: try activate(scheme, open: open))

    case .recordObservation(let observation):
      let recordedAt = StoredTimestamp.text(observation.recordedAt)
      try writer.runHeld { connection, logger in
        try await connection.query(
          """
          INSERT INTO observations (project_id, outcome_id, value, period, source, recorded_by, recorded_at, revision, forced)
          VALUES (\(observation.projectID), \(observation.outcomeID), \(observation.value), \(observation.period),
            \(observation.source), \(observation.recordedBy), \(recordedAt), \(revision), \(observation.forced))
          """, logger: logger)
      }
      return Written(
        projectIDs: [observation.projectID],
        payload: try JournalPayload.observation(observation, recordedAt: recordedAt))

    case .recordRating(let projectID, let rating, let ratedAt):
      let at = StoredTimestamp.text(ratedAt)
      try insertRatingHistory([(projectID, rating)], ratedAt: at, revision: revision)
      return Written(
        projectIDs: [projectID], payload: try JournalPayload.rating(projectID: projectID, rating, ratedAt: at))

    case .createSnapshot(let snapshot):
      let committedAt = snapshot.revisionCommittedAt.map(StoredTimestamp.text)
      let document = ByteBuffer(bytes: snapshot.projectsDocument)
      try writer.runHeld(timeout: .seconds(120)) { connection, logger in
        try await connection.query(
          """
          INSERT INTO snapshots (name, note, revision, revision_committed_at, created_at, created_by,
            created_revision, scheme_id, project_count, total_amount, weighted_composite, projects, scheme_document)
          VALUES (\(snapshot.name), \(snapshot.note), \(snapshot.revision), \(committedAt), \(timestamp),
            \(snapshot.createdBy), \(revision), \(snapshot.schemeID), \(snapshot.projectCount), \(snapshot.totalAmount),
            \(snapshot.weightedComposite), \(document), \(snapshot.schemeDocument))
          """, logger: logger)
      }
      return Written(
        projectIDs: [],
        payload: try JournalPayload.snapshotName(snapshot.name, note: snapshot.note, revision: snapshot.revision))

    case .deleteSnapshot(let name):
      try writer.runHeld { connection, logger in
        try await connection.query("DELETE FROM snapshots WHERE name = \(name)", logger: logger)
      }
      return Written(projectIDs: [], payload: try JournalPayload.snapshotName(name, note: nil, revision: nil))

    case .setFramework(let document, let version, let setBy):
      try writer.runHeld { connection, logger in
        try await connection.query(
          """
          INSERT INTO frameworks (version, document, set_at, set_by, set_revision)
          VALUES (\(version), \(document), \(timestamp), \(setBy), \(revision))
          """, logger: logger)
      }
      return Written(projectIDs: [], payload: document)
    }
  }

  /// Makes `scheme` the active one; returns its document.
  func activate(_ scheme: Scheme, open: OpenCommit) throws -> String {
    let document = JournalPayload.scheme(scheme)
    let revision = open.revision
    let timestamp = open.timestamp
    try writer.runHeld { connection, logger in
      try await connection.query("UPDATE schemes SET active = false WHERE active", logger: logger)
      try await connection.query(
        """
        INSERT INTO schemes (id, document, activated_at, activated_revision, active)
        VALUES (\(scheme.id), \(document), \(timestamp), \(revision), true)
        ON CONFLICT (id) DO UPDATE SET document = excluded.document,
          activated_at = excluded.activated_at, activated_revision = excluded.activated_revision, active = true
        """, logger: logger)
    }
    return document
  }

  /// Appends to the rating history the ratings of `projects` that are new or changed against
  /// the basis's version of each project: a rating restated as it was keeps its date, as in
  /// the SQLite store.
  func appendRatingHistory(of projects: [Project], basis: CommitBasis, open: OpenCommit) throws {
    var rows: [(String, Rating)] = []
    for project in projects {
      let previous = basis.project(project.id)?.ratings ?? []
      for rating in project.ratings {
        let kept = previous.contains {
          $0.criterion == rating.criterion && $0.rater == rating.rater && $0.value == rating.value
            && $0.comment == rating.comment
        }
        if !kept { rows.append((project.id, rating)) }
      }
    }
    try insertRatingHistory(rows, ratedAt: open.timestamp, revision: open.revision)
  }

  /// Inserts rating history rows: a few in one INSERT, many (an import) with `COPY … FROM
  /// STDIN`, in the transaction of the change.
  private func insertRatingHistory(_ rows: [(String, Rating)], ratedAt: String, revision: Int64) throws {
    guard !rows.isEmpty else { return }
    guard rows.count > 50 else {
      let insert = MultiRowInsert(
        into: "rating_history",
        columns: ["project_id", "criterion", "rater", "value", "comment", "rated_at", "revision"],
        rows: rows.count
      ) { index, binds in
        let (projectID, rating) = rows[index]
        binds.append(projectID)
        binds.append(rating.criterion)
        binds.append(rating.rater)
        binds.append(rating.value)
        if let comment = rating.comment { binds.append(comment) } else { binds.appendNull() }
        binds.append(ratedAt)
        binds.append(revision)
      }
      try writer.runHeld { connection, logger in
        try await connection.execute(insert.sql, insert.bindings, logger: logger)
      }
      return
    }
    // COPY's text format: one line per row, tab-separated, `\N` for NULL, and the backslash,
    // tab, newline and carriage return of a text escaped.
    var text = ""
    let stamp = Self.copyText(ratedAt) + "\t\(revision)\n"
    var chunks: [String] = []
    for (projectID, rating) in rows {
      text += Self.copyText(projectID) + "\t" + Self.copyText(rating.criterion) + "\t" + Self.copyText(rating.rater)
      text += "\t\(rating.value)\t" + (rating.comment.map(Self.copyText) ?? "\\N") + "\t" + stamp
      if text.utf8.count >= 1 << 20 {
        chunks.append(text)
        text = ""
      }
    }
    if !text.isEmpty { chunks.append(text) }
    let data = chunks
    try writer.runHeld(timeout: .seconds(300)) { connection, logger in
      try await connection.copyFrom(
        table: "rating_history",
        columns: ["project_id", "criterion", "rater", "value", "comment", "rated_at", "revision"],
        logger: logger
      ) { writer in
        for chunk in data { try await writer.write(ByteBuffer(string: chunk)) }
      }
    }
  }

  /// `text` as a value of COPY's text format.
  static func copyText(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
    var escaped = ""
    for character in text.unicodeScalars {
      switch character {
      case "\\": escaped += "\\\\"
      case "\t": escaped += "\\t"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      default: escaped.unicodeScalars.append(character)
      }
    }
    return escaped
  }
}

/// A streamed import's transaction on PostgreSQL: each chunk's new and changed ratings go to the
/// rating history as it arrives; the journal row, with every project, comes at the end.
final class PostgresImport: ImportWriting {
  private let storage: PostgresStorage
  private let open: PostgresStorage.OpenCommit
  private let basis: CommitBasis
  private let replace: Bool
  private var seen: Set<String> = []
  private var touched: [String] = []

  init(storage: PostgresStorage, open: PostgresStorage.OpenCommit, basis: CommitBasis, replace: Bool) {
    self.storage = storage
    self.open = open
    self.basis = basis
    self.replace = replace
  }

  var revision: Int64 { open.revision }

  func write(_ projects: some Collection<Project>, changed: (Project) -> Bool) throws {
    var written: [Project] = []
    for project in projects {
      guard seen.insert(project.id).inserted else { throw StorageError.duplicateProjectID(project.id) }
      if changed(project) {
        written.append(project)
        touched.append(project.id)
      }
    }
    try storage.appendRatingHistory(of: written, basis: basis, open: open)
  }

  func recordedValues(of projectIDs: [String]) throws -> [String: RecordedValues] {
    // The rows an import writes are only appended to the history: what was recorded before
    // it is what the committed tables say.
    try storage.recordedValues(of: projectIDs)
  }

  func finish(_ end: ImportTransaction.End) throws -> PostgresStorage.Written {
    if let scheme = end.scheme { _ = try storage.activate(scheme, open: open) }
    let removed = replace ? basis.projectIDs().filter { !seen.contains($0) } : []
    return PostgresStorage.Written(
      projectIDs: touched + removed, payload: JournalPayload.projects([], scheme: end.scheme),
      projects: end.journalDocument())
  }
}
