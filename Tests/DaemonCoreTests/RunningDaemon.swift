import DaemonCore
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging

/// A daemon running in this test process on 127.0.0.1 with a free port.
struct RunningDaemon: Sendable {
  /// The daemon, for its health board, metrics and configuration.
  let daemon: Daemon
  /// The bound gRPC address.
  let address: ListenAddress

  /// Runs `body` with a gRPC client connected to the daemon, in plaintext unless told otherwise.
  func withClient<Result: Sendable>(
    security: HTTP2ClientTransport.Posix.TransportSecurity = .plaintext,
    _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
  ) async throws -> Result {
    let transport = try HTTP2ClientTransport.Posix(
      target: .ipv4(address: address.host, port: address.port),
      transportSecurity: security
    )
    return try await withGRPCClient(transport: transport, handleClient: body)
  }
}

/// Something a test waited on did not happen in time.
struct TestTimeout: Error, CustomStringConvertible {
  var what: String
  var description: String { "timed out waiting for \(what)" }
}

extension DaemonConfiguration {
  /// Defaults on 127.0.0.1 port 0 with a fresh database path and a short grace period.
  static var testing: DaemonConfiguration {
    var configuration = DaemonConfiguration.defaults
    configuration.server.listen = ListenAddress(host: "127.0.0.1", port: 0)
    configuration.server.gracePeriod = .seconds(5)
    configuration.database.path = FileManager.default.temporaryDirectory
      .appendingPathComponent("impactd-test-\(UUID().uuidString).sqlite").path
    configuration.database.durability = .normal
    return configuration
  }
}

/// Runs `operation`, failing with ``TestTimeout`` if it takes longer than `limit`.
func withTimeout<Result: Sendable>(
  _ limit: Duration,
  _ what: String,
  _ operation: @escaping @Sendable () async throws -> Result
) async throws -> Result {
  try await withThrowingTaskGroup(of: Result?.self) { group in
    group.addTask { try await operation() }
    group.addTask {
      try await Task.sleep(for: limit)
      return nil
    }
    defer { group.cancelAll() }
    guard let first = try await group.next(), let result = first else {
      throw TestTimeout(what: what)
    }
    return result
  }
}

/// Starts a daemon on 127.0.0.1 port 0 (no signal handling), waits until it listens (and, by
/// default, until it is SERVING), runs `body`, then shuts it down gracefully and waits at most
/// `shutdownLimit` for it to stop. Rethrows what `body` or the daemon threw. The database file
/// is deleted afterwards unless `keepDatabase` (to restart a daemon on the same file).
func withRunningDaemon<Result: Sendable>(
  configuration: DaemonConfiguration = .testing,
  application: some DaemonApplication = HealthOnlyApplication(),
  waitUntilServing: Bool = true,
  shutdownLimit: Duration = .seconds(20),
  keepDatabase: Bool = false,
  _ body: @Sendable (RunningDaemon) async throws -> Result
) async throws -> Result {
  var logger = Logger(label: "impactd-test")
  logger.logLevel = .warning
  let daemon = Daemon(configuration: configuration, logger: logger)
  defer {
    if !keepDatabase {
      for suffix in ["", "-wal", "-shm", ".lock"] {
        try? FileManager.default.removeItem(atPath: configuration.database.path + suffix)
      }
    }
  }

  let running = Task {
    try await daemon.run(application: application, handlingSignals: false)
  }

  let outcome: Swift.Result<Result, any Error>
  do {
    let address = try await withTimeout(.seconds(20), "the daemon to listen") {
      try await daemon.listeningAddress
    }
    if waitUntilServing {
      try await withTimeout(.seconds(20), "the daemon to serve") {
        for await status in daemon.health.subscribe(to: "").updates where status == .serving { return }
      }
    }
    outcome = .success(try await body(RunningDaemon(daemon: daemon, address: address)))
  } catch {
    outcome = .failure(error)
  }

  await daemon.triggerGracefulShutdown()
  do {
    try await withTimeout(shutdownLimit, "the daemon to shut down") { try await running.value }
  } catch {
    running.cancel()
    throw error
  }
  return try outcome.get()
}
