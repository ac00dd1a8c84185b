import DaemonCore
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging

/// A real impactd (``ImpactApplication`` behind ``Daemon``) running in this process on
/// 127.0.0.1 with a free port and a temporary SQLite file, as the daemon's own tests run it.
enum InProcessDaemon {
  /// Starts the daemon, waits until it is SERVING, runs `body` with its store and a client
  /// connected to it, then shuts it down and deletes the database (unless `keepDatabase`).
  static func run<Result: Sendable>(
    maxRequestPayloadBytes: Int,
    logLevel: Logger.Level,
    keepDatabase: Bool,
    _ body: @Sendable (PortfolioStore, GRPCClient<HTTP2ClientTransport.Posix>, String) async throws -> Result
  ) async throws -> Result {
    var configuration = DaemonConfiguration.defaults
    configuration.server.listen = ListenAddress(host: "127.0.0.1", port: 0)
    configuration.server.gracePeriod = .seconds(5)
    configuration.database.path = FileManager.default.temporaryDirectory
      .appendingPathComponent("impact-fuzz-requests-\(UUID().uuidString).sqlite").path
    configuration.database.durability = .normal
    configuration.limits.maxRequestPayloadBytes = maxRequestPayloadBytes
    var logger = Logger(label: "impact-fuzz-requests")
    logger.logLevel = logLevel
    let daemon = Daemon(configuration: configuration, logger: logger)
    let application = ImpactApplication()
    let databasePath = configuration.database.path
    defer {
      if !keepDatabase {
        for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) }
      }
    }
    let running = Task { try await daemon.run(application: application, handlingSignals: false) }

    let outcome: Swift.Result<Result, any Error>
    do {
      let address = try await withTimeLimit(.seconds(60), "the daemon to listen") { try await daemon.listeningAddress }
      try await withTimeLimit(.seconds(60), "the daemon to serve") {
        for await status in daemon.health.subscribe(to: "").updates where status == .serving { return }
      }
      guard let store = application.store else { throw FuzzFailure("the daemon is serving without a store") }
      let transport = try HTTP2ClientTransport.Posix(
        target: .ipv4(address: address.host, port: address.port),
        transportSecurity: .plaintext,
        config: .defaults { $0.http2.targetWindowSize = 8 * 1024 * 1024 }
      )
      outcome = .success(
        try await withGRPCClient(transport: transport) { client in try await body(store, client, databasePath) })
    } catch {
      outcome = .failure(error)
    }
    await daemon.triggerGracefulShutdown()
    try await withTimeLimit(.seconds(60), "the daemon to shut down") { try await running.value }
    return try outcome.get()
  }
}

/// Runs `operation`, failing with ``FuzzFailure`` if it takes longer than `limit`.
func withTimeLimit<Result: Sendable>(
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
      throw FuzzFailure("timed out after \(limit) waiting for \(what)")
    }
    return result
  }
}

/// The fuzzer itself could not run (not a finding about the daemon).
struct FuzzFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
