import Foundation
import GRDB
import Testing

@testable import DaemonCore
@testable import ImpactStorage

/// impactd serves only its own databases: a new file is marked (`application_id`,
/// `user_version`), a file of an earlier impactd is recognised by its schema and marked, and
/// any other non-empty file is refused before a byte of it changes. Before, a Firefox
/// `places.sqlite` got impactd's tables and WAL mode, and a file with a `projects` table of
/// its own was changed and then failed.
@Suite("Storage: only impactd's own databases are opened", .timeLimit(.minutes(3)))
struct DatabaseIdentityTests {
  private func withDirectory(_ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "impact-identity-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory)
  }

  /// A file made by another program with plain SQLite (rollback journal, as most are).
  private func foreignFile(at path: String, _ sql: String) throws {
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: sql) }
    try queue.close()
  }

  static let foreignSchemas: [(name: String, sql: String, reason: String)] = [
    (
      "places.sqlite",
      """
      CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url LONGVARCHAR, title LONGVARCHAR);
      CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, fk INTEGER, title LONGVARCHAR);
      INSERT INTO moz_places (url, title) VALUES ('https://example.org', 'Example');
      """,
      "it has tables impactd does not create: moz_bookmarks, moz_places"
    ),
    (
      "projects.sqlite",
      """
      CREATE TABLE projects (id INTEGER PRIMARY KEY, title TEXT, budget REAL);
      INSERT INTO projects (title, budget) VALUES ('Roof', 12000);
      """,
      "it has no grdb_migrations table, so impactd did not create it"
    ),
    (
      "marked.sqlite",
      "PRAGMA application_id = 1196444487; CREATE TABLE features (id INTEGER PRIMARY KEY);",
      "its application_id is 0x47504B47, impactd's is 0x494D5041"
    ),
  ]

  @Test("another application's SQLite file is refused and left byte for byte unchanged", arguments: 0..<3)
  func foreignFileRefused(index: Int) throws {
    let foreign = Self.foreignSchemas[index]
    try withDirectory { directory in
      let path = directory.appendingPathComponent(foreign.name).path
      try foreignFile(at: path, foreign.sql)
      let before = try Data(contentsOf: URL(fileURLWithPath: path))
      let namesBefore = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
      #expect(throws: DatabaseRefusal.notImpactDatabase(path: path, reason: foreign.reason)) {
        try ImpactDatabase.open(atPath: path).close()
      }
      #expect(throws: DatabaseRefusal.notImpactDatabase(path: path, reason: foreign.reason)) {
        try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.readOnly = true }).close()
      }
      // `impactd token` and `impactd certificate` open the file too.
      #expect(throws: DatabaseRefusal.notImpactDatabase(path: path, reason: foreign.reason)) {
        try CredentialStore.open(atPath: path).close()
      }
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == namesBefore)
      // Free for the next daemon: the refusal released the lock.
      #expect(throws: DatabaseRefusal.self) { try ImpactDatabase.open(atPath: path).close() }
    }
  }

  @Test("a projects table of another shape, next to impactd's migrations, is named with its columns")
  func projectsOfAnotherShape() throws {
    try withDirectory { directory in
      let path = directory.appendingPathComponent("impostor.sqlite").path
      try foreignFile(
        at: path,
        """
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1-portfolio');
        CREATE TABLE projects (id INTEGER PRIMARY KEY, title TEXT);
        """)
      let before = try Data(contentsOf: URL(fileURLWithPath: path))
      do {
        try ImpactDatabase.open(atPath: path).close()
        Issue.record("the impostor was opened")
      } catch let DatabaseRefusal.notImpactDatabase(refused, reason) {
        #expect(refused == path)
        #expect(
          reason.hasPrefix("it lacks the tables ") || reason.hasPrefix("its table projects has columns (id, title)"),
          "\(reason)")
      }
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
  }

  @Test("a file that is not SQLite at all is refused and unchanged")
  func notSQLite() throws {
    try withDirectory { directory in
      let path = directory.appendingPathComponent("notes.sqlite").path
      let text = Data("name,amount\nRoof,12000\n".utf8)
      try text.write(to: URL(fileURLWithPath: path))
      #expect(throws: DatabaseRefusal.notImpactDatabase(path: path, reason: "it is not an SQLite database")) {
        try ImpactDatabase.open(atPath: path).close()
      }
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }
  }

  @Test("a new database is marked with impactd's application_id and its schema version")
  func newDatabaseMarked() throws {
    try withDirectory { directory in
      let path = directory.appendingPathComponent("impact.sqlite").path
      try ImpactDatabase.open(atPath: path).close()
      let marks = try Self.marks(path)
      #expect(marks.applicationID == 0x494D_5041)
      // Each migration from v3 on marks its own number: the last one's is the count.
      #expect(marks.userVersion == StorageSchema.migrator.migrations.count)
      // An empty file (touch impact.sqlite) is a new database too.
      let touched = directory.appendingPathComponent("touched.sqlite").path
      FileManager.default.createFile(atPath: touched, contents: Data())
      try ImpactDatabase.open(atPath: touched).close()
      #expect(try Self.marks(touched).applicationID == 0x494D_5041)
    }
  }

  @Test("a database of an earlier impactd (unmarked) is recognised, keeps its data and is marked")
  func earlierDatabaseMarked() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "impact-identity-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("impact.sqlite").path
    // What impactd made before the mark: the migrations up to v2-credentials, then data.
    let queue = try DatabaseQueue(path: path)
    try StorageSchema.migrator.migrate(queue, upTo: "v2-credentials")
    try queue.close()
    #expect(try Self.marks(path).applicationID == 0)
    // Recognised as impactd's (not refused as foreign); read-only, it cannot take the schema
    // migrations that came after it (v4-snapshots on), which the refusal names.
    do {
      let seeded = try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.readOnly = true })
      try seeded.close()
      Issue.record("an earlier database without the later migrations opened read-only")
    } catch StorageError.schemaNotCurrent(_, let missing) {
      #expect(missing.first == "v4-snapshots" && !missing.contains(StorageSchema.identityMigration))
    }
    let database = try ImpactDatabase.open(atPath: path)
    try await database.commit(.upsertProjects(StorageSamples.projects), context: StorageSamples.context())
    try database.close()
    let marks = try Self.marks(path)
    #expect(marks.applicationID == 0x494D_5041 && marks.userVersion == StorageSchema.migrator.migrations.count)
    let reopened = try ImpactDatabase.open(atPath: path)
    #expect(try await reopened.loadState().projects == StorageSamples.projects)
    try reopened.close()
  }

  @Test("the verdicts, from the facts of a file")
  func verdicts() {
    let reference = DatabaseInspection.reference
    #expect(Set(reference.tablesByMigration.keys) == ["v1-portfolio", "v2-credentials"])
    #expect(reference.tablesByMigration["v2-credentials"] == ["credentials"])
    var facts = DatabaseIdentity.Facts()
    #expect(DatabaseIdentity.classify(facts, reference: reference) == .empty)
    facts.userVersion = 7
    #expect(
      DatabaseIdentity.classify(facts, reference: reference)
        == .foreign("its user_version is 7 but it has no impactd application_id"))
    facts.userVersion = 0
    facts.objects["view"] = ["v"]
    #expect(
      DatabaseIdentity.classify(facts, reference: reference) == .foreign("it has views impactd does not create: v"))
    facts.objects = ["table": Set(reference.tables.keys)]
    facts.columns = reference.tables
    facts.migrations = ["v1-portfolio", "v2-credentials"]
    #expect(DatabaseIdentity.classify(facts, reference: reference) == .unmarked)
    facts.migrations = ["v1-portfolio", "v2-credentials", "v9-other"]
    #expect(
      DatabaseIdentity.classify(facts, reference: reference) == .foreign("its migrations v9-other are not impactd's"))
    facts.applicationID = DatabaseIdentity.applicationID
    #expect(DatabaseIdentity.classify(facts, reference: reference) == .marked)
  }

  private static func marks(_ path: String) throws -> (applicationID: Int, userVersion: Int) {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read { db in
      (try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0)
    }
  }
}
