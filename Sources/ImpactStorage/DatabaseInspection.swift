import Foundation
import GRDB

/// The check ``ImpactDatabase`` makes before it writes to or serves a file: is it impactd's
/// (``DatabaseIdentity``), and is it sound (``IntegrityCheck``)?
///
/// Everything here goes through a read-only connection, closed before the file is opened for
/// serving: a refused file is left byte for byte as it was (no WAL switch, no migration, no
/// checkpoint).
enum DatabaseInspection {
  /// The most problems a refusal lists.
  static let reportedProblems = 10

  /// Inspects the file at `path`.
  ///
  /// - Returns: what the file is; never ``DatabaseIdentity/Verdict/foreign(_:)``.
  /// - Throws: ``DatabaseRefusal`` for another application's file or a damaged one;
  ///   ``StorageError`` when SQLite cannot open it at all.
  static func inspect(path: String, integrity: IntegrityCheck) throws -> DatabaseIdentity.Verdict {
    guard let size = fileSize(path), size > 0 else { return .empty }
    guard hasSQLiteHeader(path) else {
      throw DatabaseRefusal.notImpactDatabase(path: path, reason: "it is not an SQLite database")
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.label = "impact-inspection"
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db in
        let verdict = DatabaseIdentity.classify(try facts(db), reference: reference)
        if case .foreign(let reason) = verdict {
          throw DatabaseRefusal.notImpactDatabase(path: path, reason: reason)
        }
        if verdict != .empty, let pragma = integrity.pragma(limit: reportedProblems) {
          let lines = try String.fetchAll(db, sql: pragma)
          if lines != ["ok"] {
            throw DatabaseRefusal.damaged(path: path, check: integrity, problems: lines)
          }
        }
        return verdict
      }
    } catch let refusal as DatabaseRefusal {
      throw refusal
    } catch let error as DatabaseError where Self.meansDamage(error.resultCode) {
      throw DatabaseRefusal.damaged(
        path: path, check: integrity, problems: [error.message ?? "\(error.resultCode)"])
    } catch {
      throw StorageError(error)
    }
  }

  /// SQLite's codes for a file whose content cannot be read: `SQLITE_CORRUPT`, `SQLITE_NOTADB`
  /// (with a valid header, a damaged first page), `SQLITE_FORMAT`.
  static func meansDamage(_ code: ResultCode) -> Bool {
    code == .SQLITE_CORRUPT || code == .SQLITE_NOTADB || code == .SQLITE_FORMAT
  }

  /// The schema of a file impactd made before it marked its files, built once from the
  /// migrations themselves.
  static let reference: DatabaseIdentity.Reference = {
    do {
      let queue = try DatabaseQueue()
      let migrator = StorageSchema.migrator
      var reference = DatabaseIdentity.Reference(tables: [:], indexes: [], tablesByMigration: [:])
      var before: Set<String> = []
      for identifier in StorageSchema.unmarkedMigrations {
        try migrator.migrate(queue, upTo: identifier)
        let facts = try queue.read { try Self.facts($0) }
        let tables = facts.objects["table", default: []]
        reference.tablesByMigration[identifier] = tables.subtracting(before).subtracting(["grdb_migrations"])
        reference.tables = facts.columns
        reference.indexes = facts.objects["index", default: []]
        before = tables
      }
      return reference
    } catch {
      fatalError("impactd's own schema cannot be built in memory: \(error)")
    }
  }()

  /// The header, the schema objects, the columns of each table and the applied migrations.
  static func facts(_ db: Database) throws -> DatabaseIdentity.Facts {
    var facts = DatabaseIdentity.Facts()
    facts.applicationID = Int32(truncatingIfNeeded: try Int64.fetchOne(db, sql: "PRAGMA application_id") ?? 0)
    facts.userVersion = Int32(truncatingIfNeeded: try Int64.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
    let rows = try Row.fetchAll(
      db, sql: "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    for row in rows {
      let type: String = row[0]
      let name: String = row[1]
      facts.objects[type, default: []].insert(name)
    }
    for table in facts.objects["table", default: []] {
      facts.columns[table] = try String.fetchAll(
        db, sql: "SELECT name FROM pragma_table_info(?) ORDER BY cid", arguments: [table])
    }
    if facts.objects["table", default: []].contains("grdb_migrations") {
      facts.migrations = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
    }
    return facts
  }

  private static func fileSize(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
  }

  /// Whether the file starts with "SQLite format 3\0".
  private static func hasSQLiteHeader(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return true }  // SQLite will say why
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    return header == Data("SQLite format 3\u{0}".utf8)
  }
}
