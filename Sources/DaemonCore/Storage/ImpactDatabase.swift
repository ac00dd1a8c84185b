import Foundation
import GRDB

/// The daemon's durable store: the portfolio, the active scheme, the history of observations
/// and ratings, and the journal of every committed change, in one SQLite database.
///
/// A file database is a WAL `DatabasePool` (reads never wait for the writer) locked for this
/// process by `<path>.lock`; tests use ``inMemory()``. Every change is one transaction through
/// ``commit(_:context:)``; the schema is in `docs/storage.md`.
///
/// ```swift
/// let database = try ImpactDatabase.open(atPath: "impact.sqlite")
/// let state = try database.loadState()
/// let receipt = try database.commit(
///   .upsertProjects([project]),
///   context: ChangeContext(actor: "amel", rpcMethod: "impact.v1.Projects/CreateProject",
///                          expectedRevision: state.revision))
/// try database.close()
/// ```
public struct ImpactDatabase: Sendable {
  /// The database file; `nil` in memory.
  public let path: String?
  /// How the database was opened: its durability, size limit and whether it is read-only.
  public let configuration: StorageConfiguration
  let writer: any DatabaseWriter
  private let lock: DatabaseLock?

  private init(
    writer: any DatabaseWriter,
    path: String?,
    lock: DatabaseLock?,
    configuration: StorageConfiguration
  ) throws {
    self.writer = writer
    self.path = path
    self.lock = lock
    self.configuration = configuration
    if configuration.readOnly {
      // A read-only database cannot be migrated: it must already have this version's schema.
      let migrator = StorageSchema.migrator
      let missing = try writer.read { db in
        let applied = try migrator.appliedIdentifiers(db)
        return migrator.migrations.filter { !applied.contains($0) }
      }
      guard missing.isEmpty else {
        throw StorageError.schemaNotCurrent(path: path ?? ":memory:", missingMigrations: missing)
      }
    } else {
      try StorageSchema.migrator.migrate(writer)
    }
  }

  /// Opens (creating if needed) the database file at `path`, migrates it to the current schema
  /// and locks it for this process.
  ///
  /// With ``StorageConfiguration/maxSizeBytes`` the file may not grow past that size (a commit
  /// that needs more fails with ``StorageError/databaseFull(path:limitBytes:)``); with
  /// ``StorageConfiguration/readOnly`` the file is opened read-only, not migrated, and every
  /// commit fails with ``StorageError/readOnly(path:)``.
  /// - Throws: ``StorageError/databaseInUse(path:lockPath:pid:)`` at once when another process
  ///   has it open; ``StorageError/schemaNotCurrent(path:missingMigrations:)`` when a read-only
  ///   file needs a migration; ``StorageError/database(code:message:)`` when SQLite cannot
  ///   open it.
  public static func open(atPath path: String, configuration: StorageConfiguration = .defaults)
    throws -> ImpactDatabase
  {
    let lock = try DatabaseLock.acquire(forDatabaseAt: path)
    do {
      if configuration.readOnly && !FileManager.default.fileExists(atPath: path) {
        throw StorageError.database(
          code: 14, message: "cannot open \(path) read-only: the file does not exist")
      }
      let pool = try DatabasePool(
        path: path, configuration: connectionConfiguration(readOnly: configuration.readOnly))
      // `prepareDatabase` runs for every connection, readers included; the pragmas that govern
      // writes are set here, on the one connection that writes.
      if !configuration.readOnly {
        try pool.writeWithoutTransaction { db in
          // The pool sets `synchronous = NORMAL` when it switches to WAL, after
          // `prepareDatabase`.
          try db.execute(sql: "PRAGMA synchronous = \(configuration.durability.pragmaValue)")
          if let maxSizeBytes = configuration.maxSizeBytes {
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            // SQLite keeps the current page count if the limit is below it: the file never
            // shrinks, it only stops growing.
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(max(1, maxSizeBytes / pageSize))")
          }
        }
      }
      return try ImpactDatabase(writer: pool, path: path, lock: lock, configuration: configuration)
    } catch {
      lock.release()
      throw StorageError(error).attributed(toDatabaseAt: path, limitBytes: configuration.maxSizeBytes)
    }
  }

  /// An empty database in memory, for tests and for what-if work.
  public static func inMemory() throws -> ImpactDatabase {
    do {
      return try ImpactDatabase(
        writer: DatabaseQueue(configuration: connectionConfiguration(readOnly: false)), path: nil,
        lock: nil, configuration: .defaults)
    } catch {
      throw StorageError(error)
    }
  }

  /// Closes the connections and releases the lock file; later calls on this database throw.
  public func close() throws {
    defer { lock?.release() }
    if path != nil && !configuration.readOnly {
      // GRDB closes the writer before the read-only readers, so SQLite's checkpoint at the last
      // close never runs: copy the WAL into the file here, leaving a self-contained file behind.
      // Best effort: a busy reader or a full disk leaves the WAL, which the next open replays.
      try? writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
    do {
      try writer.close()
    } catch {
      throw StorageError(error)
    }
  }

  /// The problems `PRAGMA integrity_check` finds; empty when the file is sound.
  public func integrityProblems() throws -> [String] {
    try read { db in
      let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check")
      return lines == ["ok"] ? [] : lines
    }
  }

  /// `error`, thrown by a commit, as the ``StorageError`` that says which file is full or
  /// read-only.
  func commitFailure(_ error: any Error) -> StorageError {
    StorageError(error).attributed(toDatabaseAt: path ?? ":memory:", limitBytes: configuration.maxSizeBytes)
  }

  private static func connectionConfiguration(readOnly: Bool) -> Configuration {
    var configuration = Configuration()
    configuration.readonly = readOnly
    configuration.foreignKeysEnabled = true
    configuration.label = "impact"
    configuration.prepareDatabase { db in
      // The default 2 MB page cache makes a bulk import spill and re-read pages all along.
      try db.execute(sql: "PRAGMA cache_size = -131072")
    }
    return configuration
  }

  /// A read in one transaction, GRDB errors mapped to ``StorageError``.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.read(body)
    } catch {
      throw StorageError(error)
    }
  }

  /// A read in one transaction, GRDB errors mapped to ``StorageError``.
  func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    do {
      return try await writer.read(body)
    } catch {
      throw StorageError(error)
    }
  }
}
