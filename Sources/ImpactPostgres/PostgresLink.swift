import Dispatch
import Logging
import PostgresNIO
import Synchronization

/// One PostgreSQL connection, used by one caller at a time, opened when first needed and
/// opened again after it broke (the server restarted, the network dropped, an operation
/// timed out). A failed connection attempt is not retried here: the caller's operation fails
/// with it, and the next operation tries again.
final class PostgresLink: Sendable {
  private let connector: PostgresConnector
  private let logger: Logger
  private let id: Int
  private let current = Mutex<PostgresConnection?>(nil)
  /// One caller at a time: a transaction's statements go to one connection, in order.
  private let gate = DispatchSemaphore(value: 1)

  init(connector: PostgresConnector, logger: Logger, id: Int) {
    self.connector = connector
    self.logger = logger
    self.id = id
  }

  deinit {
    // A connection must be closed before it goes: it is kept until its close completes.
    if let open = current.withLock({ $0 }), !open.isClosed {
      open.close().whenComplete { _ in _ = open }
    }
  }

  /// Runs `body` on the connection, alone, blocking the caller's thread.
  func run<T: Sendable>(
    timeout: Duration = PostgresLink.operationTimeout,
    _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
  ) throws -> T {
    gate.wait()
    defer { gate.signal() }
    return try runHeld(timeout: timeout, body)
  }

  /// Runs `body` alone with the link: the ``runHeld(timeout:_:)`` calls it makes all go to the
  /// same connection, in order (a transaction spread over several calls).
  func hold<T>(_ body: () throws -> T) rethrows -> T {
    gate.wait()
    defer { gate.signal() }
    return try body()
  }

  /// ``run(timeout:_:)`` for a caller inside ``hold(_:)``.
  func runHeld<T: Sendable>(
    timeout: Duration = PostgresLink.operationTimeout,
    _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T
  ) throws -> T {
    do {
      return try Blocking.run(timeout: timeout) { [self] in
        let connection = try await self.connection()
        return try await body(connection, self.logger)
      }
    } catch {
      // A refusal by the server leaves the connection usable; anything else may not have.
      if (error as? PSQLError)?.serverInfo == nil { discard() }
      throw error
    }
  }

  /// How long one operation may take before its connection is given up.
  static let operationTimeout: Duration = .seconds(30)

  private func connection() async throws -> PostgresConnection {
    if let open = current.withLock({ $0 }), !open.isClosed { return open }
    let opened = try await connector.connect(logger: logger, id: id)
    current.withLock { $0 = opened }
    return opened
  }

  /// Drops the connection; the next operation opens another.
  func discard() {
    let dropped = current.withLock { connection -> PostgresConnection? in
      defer { connection = nil }
      return connection
    }
    if let dropped { Task { try? await dropped.close() } }
  }

  /// Closes the connection, waiting for it.
  func close() async {
    let dropped = current.withLock { connection -> PostgresConnection? in
      defer { connection = nil }
      return connection
    }
    try? await dropped?.close()
  }
}

extension PostgresConnection {
  /// Every row `query` returns.
  func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
    var rows: [PostgresRow] = []
    for try await row in try await self.query(query, logger: logger) { rows.append(row) }
    return rows
  }

  /// Runs a statement built at run time (its values bound, never spliced into the text).
  func execute(_ sql: String, _ binds: PostgresBindings = PostgresBindings(), logger: Logger) async throws {
    try await query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
  }
}
