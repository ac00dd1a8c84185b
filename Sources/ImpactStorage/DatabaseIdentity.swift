/// Whether an SQLite file is an impactd database, decided from what its schema and header
/// say, before anything is written to it.
///
/// impactd marks its databases with `PRAGMA application_id` = ``applicationID`` ("IMPA") and
/// `PRAGMA user_version` = the number of migrations applied (migration `v3-identity` onwards).
/// Files made before the mark are recognised by their schema: impactd's tables with impactd's
/// columns, impactd's migrations, and nothing else.
struct DatabaseIdentity: Sendable, Hashable {
  /// `0x494D5041`, "IMPA" in ASCII: not in SQLite's list of registered application ids.
  static let applicationID: Int32 = 0x494D_5041

  /// What the file holds, as read through a read-only connection.
  struct Facts: Sendable, Hashable {
    /// `PRAGMA application_id`.
    var applicationID: Int32 = 0
    /// `PRAGMA user_version`.
    var userVersion: Int32 = 0
    /// Every table, index, view and trigger not internal to SQLite, by type then name.
    var objects: [String: Set<String>] = [:]
    /// The column names of each table, in order.
    var columns: [String: [String]] = [:]
    /// The identifiers in `grdb_migrations`, when the table exists.
    var migrations: Set<String>? = nil
  }

  /// What the file is.
  enum Verdict: Sendable, Hashable {
    /// No schema at all: impactd creates its own.
    case empty
    /// Marked as impactd's.
    case marked
    /// impactd's schema from before the mark; the next migration marks it.
    case unmarked
    /// Another application's file, with the reason in words.
    case foreign(String)
  }

  /// impactd's schema as it was before databases were marked: the tables and indexes of
  /// migrations `v1-portfolio` and `v2-credentials`, and `grdb_migrations`.
  struct Reference: Sendable, Hashable {
    /// Every table with its columns in order.
    var tables: [String: [String]]
    /// Every index.
    var indexes: Set<String>
    /// The tables each migration creates.
    var tablesByMigration: [String: Set<String>]
  }

  /// Decides what `facts` describe.
  static func classify(_ facts: Facts, reference: Reference) -> Verdict {
    if facts.applicationID == applicationID { return .marked }
    if facts.applicationID != 0 {
      return .foreign("its application_id is \(hex(facts.applicationID)), impactd's is \(hex(applicationID))")
    }
    let tables = facts.objects["table", default: []]
    let others = facts.objects.filter { $0.key != "table" && !$0.value.isEmpty }
    if tables.isEmpty && others.isEmpty && facts.userVersion == 0 { return .empty }
    if facts.userVersion != 0 {
      return .foreign("its user_version is \(facts.userVersion) but it has no impactd application_id")
    }
    let known = Set(reference.tables.keys)
    let unknown = tables.subtracting(known).sorted()
    if !unknown.isEmpty {
      return .foreign("it has tables impactd does not create: \(listed(unknown))")
    }
    for (type, names) in others.sorted(by: { $0.key < $1.key }) {
      let foreignNames = type == "index" ? names.subtracting(reference.indexes).sorted() : names.sorted()
      if !foreignNames.isEmpty {
        return .foreign(
          "it has \(type == "index" ? "indexes" : "\(type)s") impactd does not create: \(listed(foreignNames))")
      }
    }
    guard let migrations = facts.migrations else {
      return .foreign("it has no grdb_migrations table, so impactd did not create it")
    }
    let unknownMigrations = migrations.subtracting(reference.tablesByMigration.keys).sorted()
    if !unknownMigrations.isEmpty {
      return .foreign("its migrations \(listed(unknownMigrations)) are not impactd's")
    }
    let expectedTables = migrations.reduce(into: Set(["grdb_migrations"])) {
      $0.formUnion(reference.tablesByMigration[$1] ?? [])
    }
    let missing = expectedTables.subtracting(tables).sorted()
    if !missing.isEmpty {
      return .foreign("it lacks the tables \(listed(missing)) of the migrations it lists")
    }
    for name in tables.sorted() {
      let columns = facts.columns[name] ?? []
      let expected = reference.tables[name] ?? []
      if columns != expected {
        return .foreign(
          "its table \(name) has columns (\(columns.joined(separator: ", "))), "
            + "impactd's has (\(expected.joined(separator: ", ")))")
      }
    }
    return .unmarked
  }

  private static func hex(_ value: Int32) -> String {
    let text = String(UInt32(bitPattern: value), radix: 16, uppercase: true)
    return "0x" + String(repeating: "0", count: max(0, 8 - text.count)) + text
  }

  private static func listed(_ names: [String]) -> String {
    let shown = names.prefix(5).joined(separator: ", ")
    return names.count > 5 ? "\(shown) and \(names.count - 5) more" : shown
  }
}
