package import Analytics
package import Foundation
package import ImpactConfiguration
package import ImpactStorage
package import Logging
import PostgresNIO

/// The portfolio in a PostgreSQL database shared by several daemons (`--database
/// postgres://…`): the same changes, journal and revisions as the SQLite store, with writes
/// serialised by revision in PostgreSQL.
///
/// What PostgreSQL keeps: the journal (every change, with the projects an import wrote as an
/// `impact-projects-bin/1` document), checkpoints and snapshots (whole states), the schemes, the
/// frameworks, the observations and the rating history. The portfolio itself is the latest
/// stored whole state with the journal after it replayed: PostgreSQL does not keep a second
/// copy of every project row by row, which would double every write over the network
/// (`docs/storage.md`).
///
/// A commit takes the `revision` row of `meta` `FOR UPDATE`: commits from every daemon are
/// serialised there, and a daemon whose snapshot is behind gets ``StorageBehind`` and
/// catches up before it checks its write again. Each commit sends `NOTIFY impact_journal`
/// with its revision (``PostgresFollower`` listens).
package final class PostgresStorage: PortfolioStorage {
  package let connector: PostgresConnector
  /// The connection commits go through (the store's one writer).
  let writer: PostgresLink
  /// The connection history reads and start-up go through.
  let reader: PostgresLink
  let logger: Logger

  /// The channel every commit notifies, with its revision as payload.
  package static let channel = "impact_journal"

  /// Opened with `--read-only`: every write is refused, and the schema is not migrated.
  package let isReadOnly: Bool

  private init(connector: PostgresConnector, logger: Logger, readOnly: Bool) {
    self.connector = connector
    self.logger = logger
    self.isReadOnly = readOnly
    self.writer = PostgresLink(connector: connector, logger: logger, id: 1)
    self.reader = PostgresLink(connector: connector, logger: logger, id: 2)
  }

  /// Connects to the database `connector` names and applies the migrations it lacks (read-only:
  /// checks that it has them all).
  /// - Throws: ``PostgresFailure`` when the database cannot be reached or refuses;
  ///   ``StorageError/schemaNotCurrent(path:missingMigrations:)`` for a read-only database that
  ///   lacks a migration.
  package static func open(
    _ connector: PostgresConnector, logger: Logger, readOnly: Bool = false
  ) async throws -> PostgresStorage {
    let connection = try await connector.connect(logger: logger)
    do {
      if readOnly {
        let missing = try await PostgresSchema.missingMigrations(connection, logger: logger)
        guard missing.isEmpty else {
          throw StorageError.schemaNotCurrent(path: connector.location.description, missingMigrations: missing)
        }
      } else {
        try await PostgresSchema.migrate(connection, logger: logger)
      }
    } catch let error as StorageError {
      try? await connection.close()
      throw error
    } catch {
      try? await connection.close()
      throw PostgresFailure(error, location: connector.location)
    }
    try? await connection.close()
    return PostgresStorage(connector: connector, logger: logger, readOnly: readOnly)
  }

  /// ``open(_:logger:)`` for a caller that blocks (a command-line tool, not the cooperative pool).
  package static func openWaiting(_ connector: PostgresConnector, logger: Logger) throws -> PostgresStorage {
    try Blocking.run(timeout: .seconds(120)) { try await open(connector, logger: logger) }
  }

  package var location: String { connector.location.description }

  package var isShared: Bool { true }

  // MARK: - Start-up

  package func loadStateInIDOrder() throws -> StoredState {
    let replay = try replayed(to: try currentRevision())
    let projects = replay.projects.values.sorted { $0.id < $1.id }
    return StoredState(revision: replay.revision, scheme: replay.scheme, projects: projects)
  }

  package func currentRevision() throws -> Int64 {
    try read { connection, logger in
      try await connection.rows("SELECT value FROM meta WHERE key = 'revision'", logger: logger).first?.decode(
        Int64.self) ?? 0
    }
  }

  package func journalSinceLastStoredState() throws -> (revisions: Int64, bytes: Int64) {
    try read { connection, logger in
      let row = try await connection.rows(
        """
        SELECT COUNT(*), COALESCE(SUM(octet_length(payload) + COALESCE(octet_length(projects), 0)), 0)::BIGINT
        FROM journal WHERE revision > (SELECT COALESCE(MAX(revision), 0) FROM (
          SELECT revision FROM checkpoints UNION ALL SELECT revision FROM snapshots) AS stored)
        """, logger: logger
      ).first
      guard let row else { return (0, 0) }
      let (count, bytes) = try row.decode((Int64, Int64).self)
      return (count, bytes)
    }
  }

  // MARK: - Housekeeping

  package func releaseMemory() {}

  package func truncateWriteAheadLog() async throws -> Int { 0 }

  package func close() throws {
    writer.discard()
    reader.discard()
  }

  /// Closes the connections and waits for them.
  package func shutdown() async {
    await writer.close()
    await reader.close()
  }

  // MARK: - Running statements

  /// Runs a read on the reader connection; a failure becomes a ``StorageError``.
  func read<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) throws -> T {
    do {
      return try reader.run(body)
    } catch {
      throw storageError(error)
    }
  }

  /// What the store's callers see of a PostgreSQL failure: a constraint the database refused
  /// names it; anything else is the database's error, with the location and the server's words.
  func storageError(_ error: any Error) -> any Error {
    if error is StorageError || error is StorageBehind { return error }
    if let error = error as? PSQLError, let state = error.serverInfo?[.sqlState], state.hasPrefix("23") {
      return StorageError.constraintViolated(
        projectID: nil, detail: error.serverInfo?[.message] ?? "SQLSTATE \(state)")
    }
    let failure = PostgresFailure(error, location: connector.location)
    return StorageError.database(code: -1, message: failure.description)
  }
}
