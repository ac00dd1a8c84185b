import Foundation
import GRDB

/// The daemon's durable store: the portfolio, the active scheme, the history of observations
/// and ratings, and the journal of every committed change, in one SQLite database.
///
/// A file database is a WAL `DatabasePool` (reads never wait for the writer) locked for this
/// process by a `flock` on the file; tests use ``inMemory()``. Every change is one transaction through
/// ``commit(_:context:)``; the schema is in `docs/storage.md`.
///
/// ```swift
/// let database = try ImpactDatabase.open(atPath: "impact.sqlite")
/// let state = try database.loadState()
/// let receipt = try database.commit(
///   .upsertProjects([project]),
///   context: ChangeContext(actor: "amel", rpcMethod: "/impact.v1.ProjectService/CreateProject",
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
      // The identity migration only marks the file (``DatabaseIdentity``): an unmarked file
      // of impactd's is served read-only without it.
      let missing = try writer.read { db in
        let applied = try migrator.appliedIdentifiers(db)
        return migrator.migrations.filter { !applied.contains($0) && $0 != StorageSchema.identityMigration }
      }
      guard missing.isEmpty else {
        throw StorageError.schemaNotCurrent(path: path ?? ":memory:", missingMigrations: missing)
      }
    } else {
      try StorageSchema.migrator.migrate(writer)
    }
  }

  /// Opens (creating if needed) the database file at `path`, checks that it is impactd's and
  /// sound, migrates it to the current schema and locks it for this process.
  ///
  /// Before anything is written, the file is locked (``DatabaseLock``: one daemon per file,
  /// whatever name it is opened by) and inspected through a read-only connection
  /// (``DatabaseInspection``): another application's SQLite file and a file that fails
  /// ``StorageConfiguration/integrityCheck`` are refused and left unchanged.
  ///
  /// With ``StorageConfiguration/maxSizeBytes`` the file may not grow past that size (a commit
  /// that needs more fails with ``StorageError/databaseFull(path:limitBytes:)``); with
  /// ``StorageConfiguration/readOnly`` the file is opened read-only, not migrated, and every
  /// commit fails with ``StorageError/readOnly(path:)``.
  /// - Throws: ``StorageError/databaseInUse(path:pid:)`` at once when another process has it
  ///   open; ``DatabaseRefusal`` for a file that is not impactd's or is damaged;
  ///   ``StorageError/schemaNotCurrent(path:missingMigrations:)`` when a read-only file needs
  ///   a migration; ``StorageError/database(code:message:)`` when SQLite cannot open it.
  public static func open(
    atPath path: String, configuration: StorageConfiguration = .defaults
  )
    throws -> ImpactDatabase
  {
    if configuration.readOnly && !FileManager.default.fileExists(atPath: path) {
      throw StorageError.database(
        code: 14, message: "cannot open \(path) read-only: the file does not exist")
    }
    let lock = try DatabaseLock.acquire(forDatabaseAt: path, readOnly: configuration.readOnly)
    var pool: DatabasePool?
    do {
      _ = try DatabaseInspection.inspect(path: path, integrity: configuration.integrityCheck)
      let opened = try DatabasePool(
        path: path, configuration: connectionConfiguration(readOnly: configuration.readOnly))
      pool = opened
      try lock.checkStillNamesLockedFile()
      // `prepareDatabase` runs for every connection, readers included; the pragmas that govern
      // writes are set here, on the one connection that writes.
      if !configuration.readOnly {
        try opened.writeWithoutTransaction { db in
          // The pool sets `synchronous = NORMAL` when it switches to WAL, after
          // `prepareDatabase`.
          try db.execute(sql: "PRAGMA synchronous = \(configuration.durability.pragmaValue)")
          if let maxSizeBytes = configuration.maxSizeBytes {
            let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            // SQLite keeps the current page count if the limit is below it: the file never
            // shrinks, it only stops growing. It stores at most 2^32 - 2 pages.
            let pages = min(max(1, maxSizeBytes / pageSize), Int(UInt32.max) - 1)
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
          }
        }
      }
      return try ImpactDatabase(writer: opened, path: path, lock: lock, configuration: configuration)
    } catch {
      // SQLite's connections go first: closing the lock's descriptor while they are open would
      // drop their POSIX locks.
      try? pool?.close()
      lock.release()
      if let refusal = error as? DatabaseRefusal { throw refusal }
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

  /// Closes the connections and releases the lock; later calls on this database throw.
  public func close() throws {
    if path != nil && !configuration.readOnly {
      // GRDB closes the writer before the read-only readers, so SQLite's checkpoint at the last
      // close never runs: copy the WAL into the file here, leaving a self-contained file behind.
      // Best effort: a busy reader or a full disk leaves the WAL, which the next open replays.
      try? writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
    do {
      try writer.close()
    } catch {
      // Connections still open keep the lock: releasing it would close a descriptor of the
      // file and drop their POSIX locks. It goes when the database is deallocated.
      throw StorageError(error)
    }
    lock?.release()
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

  /// A read in one transaction, GRDB errors mapped to ``StorageError`` or, for a damaged file
  /// or a failed read, ``StoredDataError``.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try writer.read(body)
    } catch {
      throw readFailure(error)
    }
  }

  /// A read in one transaction, GRDB errors mapped to ``StorageError`` or, for a damaged file
  /// or a failed read, ``StoredDataError``.
  func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
    do {
      return try await writer.read(body)
    } catch {
      throw readFailure(error)
    }
  }

  /// `error`, thrown by a read of stored data, as the ``StoredDataError`` it means (DATA_LOSS
  /// or INTERNAL, naming the file), or as a ``StorageError``.
  private func readFailure(_ error: any Error) -> any Error {
    StorageError(error).asReadFailure(ofDatabaseAt: path ?? ":memory:")
  }
}

extension ImpactDatabase {
  /// Frees the connections' page caches (up to 128 MiB each, full after a bulk import or a
  /// load): the writer's is emptied and the readers are closed, to be opened again on the next
  /// read. Reads wait for it, a few milliseconds.
  public func releaseMemory() {
    if let pool = writer as? DatabasePool {
      pool.releaseMemory()
    } else if let queue = writer as? DatabaseQueue {
      queue.releaseMemory()
    }
  }
}
