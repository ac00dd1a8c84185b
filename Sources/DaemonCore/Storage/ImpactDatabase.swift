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
  let writer: any DatabaseWriter
  private let lock: DatabaseLock?

  private init(writer: any DatabaseWriter, path: String?, lock: DatabaseLock?) throws {
    self.writer = writer
    self.path = path
    self.lock = lock
    try StorageSchema.migrator.migrate(writer)
  }

  /// Opens (creating if needed) the database file at `path`, migrates it to the current schema
  /// and locks it for this process.
  /// - Throws: ``StorageError/databaseInUse(path:lockPath:pid:)`` at once when another process
  ///   has it open; ``StorageError/database(code:message:)`` when SQLite cannot open it.
  public static func open(atPath path: String, configuration: StorageConfiguration = .defaults)
    throws -> ImpactDatabase
  {
    let lock = try DatabaseLock.acquire(forDatabaseAt: path)
    do {
      let pool = try DatabasePool(path: path, configuration: connectionConfiguration())
      // The pool sets `synchronous = NORMAL` when it switches to WAL, after `prepareDatabase`:
      // set it here, on the one connection that writes.
      try pool.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA synchronous = \(configuration.durability.pragmaValue)")
      }
      return try ImpactDatabase(writer: pool, path: path, lock: lock)
    } catch {
      lock.release()
      throw StorageError(error)
    }
  }

  /// An empty database in memory, for tests and for what-if work.
  public static func inMemory() throws -> ImpactDatabase {
    do {
      return try ImpactDatabase(
        writer: DatabaseQueue(configuration: connectionConfiguration()), path: nil, lock: nil)
    } catch {
      throw StorageError(error)
    }
  }

  /// Closes the connections and releases the lock file; later calls on this database throw.
  public func close() throws {
    defer { lock?.release() }
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

  private static func connectionConfiguration() -> Configuration {
    var configuration = Configuration()
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
