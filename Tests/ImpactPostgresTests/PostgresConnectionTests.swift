import Foundation
import ImpactConfiguration
import ImpactPostgres
import Logging
import PostgresNIO
import Testing

/// The server `scripts/with-postgres.sh` starts (`IMPACT_TEST_POSTGRES_URL`, `PGPASSWORD`); the
/// README's test command runs every Swift test beside one.
func testPostgres() -> (location: PostgresLocation, password: String?)? {
  let environment = ProcessInfo.processInfo.environment
  guard let url = environment["IMPACT_TEST_POSTGRES_URL"],
    let location = try? PostgresLocation.parse(url, setting: "IMPACT_TEST_POSTGRES_URL")
  else { return nil }
  return (location, environment["PGPASSWORD"])
}

@Suite("PostgreSQL connections", .timeLimit(.minutes(3)), .enabled(if: testPostgres() != nil))
struct PostgresConnectionTests {
  let logger = Logger(label: "impact.tests.postgres")

  @Test("the location and PGPASSWORD reach the server: a query answers as the location's user and database")
  func connects() async throws {
    let (location, password) = try #require(testPostgres())
    let connection = try await PostgresConnector(location: location, password: password).connect(logger: logger)
    do {
      let rows = try await connection.query("SELECT current_user, current_database()", logger: logger)
      var answered: [(String, String)] = []
      for try await (user, database) in rows.decode((String, String).self) { answered.append((user, database)) }
      #expect(answered.count == 1)
      #expect(answered.first?.0 == location.user && answered.first?.1 == location.database)
    } catch {
      try? await connection.close()
      throw error
    }
    try await connection.close()
  }

  @Test("a wrong password is the server's refusal, naming the location and never the password")
  func wrongPassword() async throws {
    let (location, _) = try #require(testPostgres())
    let refused = await #expect(throws: PostgresFailure.self) {
      let connection = try await PostgresConnector(location: location, password: "not-the-password").connect(
        logger: logger)
      try? await connection.close()
    }
    #expect(refused?.sqlState == "28P01", "\(String(describing: refused))")
    #expect(refused?.description.contains("postgres://\(location.user)@") == true)
    #expect(refused?.description.contains("not-the-password") == false)
  }

  @Test("a port nobody listens on fails within the connect timeout, naming host and port")
  func unreachable() async throws {
    let (location, password) = try #require(testPostgres())
    var closed = location
    closed.port = try Self.closedPort()
    var connector = PostgresConnector(location: closed, password: password)
    connector.connectTimeout = .seconds(5)
    let clock = ContinuousClock()
    let started = clock.now
    let failed = await #expect(throws: PostgresFailure.self) {
      let connection = try await connector.connect(logger: logger)
      try? await connection.close()
    }
    #expect(clock.now - started < .seconds(30))
    #expect(failed?.description.contains("\(closed.host):\(closed.port)") == true, "\(String(describing: failed))")
  }

  /// A loopback port that was free a moment ago.
  static func closedPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}
