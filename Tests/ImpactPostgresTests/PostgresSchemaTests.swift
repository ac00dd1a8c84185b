import Foundation
import GRDB
import ImpactConfiguration
import ImpactPostgres
import Logging
import PostgresNIO
import Testing

@testable import ImpactStorage

/// The PostgreSQL schema against the SQLite one, and its migrations applied once, whoever
/// starts first.
@Suite("PostgreSQL schema", .timeLimit(.minutes(3)), .enabled(if: testPostgres() != nil))
struct PostgresSchemaTests {
  let logger = Logger(label: "impact.tests.postgres")

  /// A connection whose tables go to a schema of its own (dropped at the end), so that tests
  /// running at once do not meet.
  func withNamespace(
    connections count: Int = 1, _ body: ([PostgresConnection], String) async throws -> Void
  ) async throws {
    let (location, password) = try #require(testPostgres())
    let connector = PostgresConnector(location: location, password: password)
    let namespace = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "_").lowercased()
    var connections: [PostgresConnection] = []
    for id in 1...count {
      let connection = try await connector.connect(logger: logger, id: id)
      connections.append(connection)
    }
    do {
      try await connections[0].query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(namespace)"), logger: logger)
      for connection in connections {
        try await connection.query(PostgresQuery(unsafeSQL: "SET search_path TO \(namespace)"), logger: logger)
      }
      try await body(connections, namespace)
    } catch {
      _ = try? await connections[0].query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(namespace) CASCADE"), logger: logger)
      for connection in connections { try? await connection.close() }
      throw error
    }
    try await connections[0].query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(namespace) CASCADE"), logger: logger)
    for connection in connections { try await connection.close() }
  }

  /// Every table of `namespace` with its columns.
  func postgresColumns(_ connection: PostgresConnection, namespace: String) async throws -> [String: Set<String>] {
    var tables: [String: Set<String>] = [:]
    let rows = try await connection.query(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = \(namespace)",
      logger: logger)
    for try await (table, column) in rows.decode((String, String).self) { tables[table, default: []].insert(column) }
    return tables
  }

  @Test(
    "the migrated tables and columns are the SQLite store's but the current projects', and a second run applies nothing"
  )
  func sameTablesAsSQLite() async throws {
    let sqlite = try ImpactDatabase.inMemory()
    let expected: [String: Set<String>] = try await sqlite.read { db in
      var tables: [String: Set<String>] = [:]
      for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
      where table != "grdb_migrations" {
        tables[table] = Set(try db.columns(in: table).map(\.name))
      }
      return tables
    }
    // The SQLite store keeps snapshots of its first versions as JSON; PostgreSQL starts with
    // the binary document only.
    var comparable = expected
    comparable["snapshots"]?.remove("portfolio_document")
    // The current projects are the journal replayed from the latest stored state on PostgreSQL.
    for table in ["projects", "outcomes", "risks", "ratings"] { comparable[table] = nil }
    try await withNamespace { connections, namespace in
      let applied = try await PostgresSchema.migrate(connections[0], logger: logger)
      #expect(applied == PostgresSchema.identifiers)
      var tables = try await postgresColumns(connections[0], namespace: namespace)
      #expect(tables.removeValue(forKey: "impact_migrations") != nil)
      #expect(tables == comparable)
      #expect(try await PostgresSchema.migrate(connections[0], logger: logger).isEmpty)
      let revision = try await connections[0].query("SELECT value FROM meta WHERE key = 'revision'", logger: logger)
      var values: [Int64] = []
      for try await value in revision.decode(Int64.self) { values.append(value) }
      #expect(values == [0])
    }
  }

  @Test("three daemons migrating at once apply each migration once")
  func concurrentMigrations() async throws {
    try await withNamespace(connections: 3) { connections, _ in
      let logger = self.logger
      let applied = try await withThrowingTaskGroup(of: [String].self) { group in
        for connection in connections {
          group.addTask { try await PostgresSchema.migrate(connection, logger: logger) }
        }
        var all: [[String]] = []
        for try await done in group { all.append(done) }
        return all
      }
      #expect(applied.flatMap { $0 } == PostgresSchema.identifiers)
      #expect(applied.filter(\.isEmpty).count == 2)
    }
  }
}
