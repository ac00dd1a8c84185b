import Foundation
import ImpactConfiguration
import ImpactPostgres
import Logging
import PostgresNIO
import Testing

@testable import ImpactStorage

/// The stores the storage test suite runs over: the SQLite file always, PostgreSQL when the test
/// script started one (`IMPACT_TEST_POSTGRES_URL`, see `scripts/with-postgres.sh`).
enum StorageKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case sqlite, postgres

  var testDescription: String { rawValue }

  static var available: [StorageKind] { testPostgresLocation() == nil ? [.sqlite] : [.sqlite, .postgres] }
}

/// The PostgreSQL server of the tests, when there is one.
func testPostgresLocation() -> (location: PostgresLocation, password: String?)? {
  let environment = ProcessInfo.processInfo.environment
  guard let url = environment["IMPACT_TEST_POSTGRES_URL"],
    let location = try? PostgresLocation.parse(url, setting: "IMPACT_TEST_POSTGRES_URL")
  else { return nil }
  return (location, environment["PGPASSWORD"])
}

/// A new, empty store of one kind: a SQLite file in a folder of its own, or a PostgreSQL schema
/// of its own (tests running at once do not meet); removed by ``tearDown()``.
final class StorageFixture: Sendable {
  let kind: StorageKind
  private let folder: URL?
  let connector: PostgresConnector?
  private let logger = Logger(label: "impact.tests.storage")

  private init(kind: StorageKind, folder: URL?, connector: PostgresConnector?) {
    self.kind = kind
    self.folder = folder
    self.connector = connector
  }

  static func make(_ kind: StorageKind) async throws -> StorageFixture {
    switch kind {
    case .sqlite:
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("impact-storage-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      return StorageFixture(kind: kind, folder: folder, connector: nil)
    case .postgres:
      let (location, password) = try #require(testPostgresLocation())
      var connector = PostgresConnector(location: location, password: password)
      let namespace = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "_").lowercased()
      let logger = Logger(label: "impact.tests.storage")
      let connection = try await connector.connect(logger: logger)
      try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(namespace)"), logger: logger)
      try await connection.close()
      connector.searchPath = namespace
      return StorageFixture(kind: kind, folder: nil, connector: connector)
    }
  }

  /// The SQLite file, for the SQLite kind.
  var path: String? { folder?.appendingPathComponent("impact.sqlite").path }

  /// Opens the store (a SQLite file is locked for this handle until it is closed; several
  /// PostgreSQL handles share the database, as several daemons do).
  func open() async throws -> any PortfolioStorage {
    switch kind {
    case .sqlite: try ImpactDatabase.open(atPath: path!)
    case .postgres: try await PostgresStorage.open(connector!, logger: logger)
    }
  }

  /// Runs `sql` on the PostgreSQL store's schema, as an operator's psql would.
  func execute(_ sql: String) async throws {
    let connection = try await connector!.connect(logger: logger)
    do {
      try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    } catch {
      try? await connection.close()
      throw error
    }
    try await connection.close()
  }

  func close(_ storage: any PortfolioStorage) async throws {
    if let shared = storage as? PostgresStorage { await shared.shutdown() }
    try storage.close()
  }

  func tearDown() async {
    if let folder { try? FileManager.default.removeItem(at: folder) }
    if var connector, let namespace = connector.searchPath {
      connector.searchPath = nil
      if let connection = try? await connector.connect(logger: logger) {
        _ = try? await connection.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(namespace) CASCADE"), logger: logger)
        try? await connection.close()
      }
    }
  }

  /// Runs `body` with a new store of `kind`, removed afterwards whatever happens.
  static func with(_ kind: StorageKind, _ body: (StorageFixture) async throws -> Void) async throws {
    let fixture = try await make(kind)
    do {
      try await body(fixture)
    } catch {
      await fixture.tearDown()
      throw error
    }
    await fixture.tearDown()
  }
}

/// Runs a blocking storage call off Swift's cooperative pool, as the daemon does (a PostgreSQL
/// call waits for a task of that pool).
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
  }
}
