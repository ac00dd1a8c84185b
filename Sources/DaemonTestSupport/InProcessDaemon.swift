public import DaemonCore
import Foundation
public import GRPCCore
public import GRPCNIOTransportHTTP2
public import ImpactConfiguration
import ImpactStorage
public import Logging

/// A daemon running in this process on 127.0.0.1 with a free port, as ``withRunningDaemon``
/// hands it to its body.
public struct RunningDaemon: Sendable {
  /// The daemon, for its health board, metrics and configuration.
  public let daemon: Daemon
  /// The bound gRPC address.
  public let address: ListenAddress

  /// Runs `body` with a gRPC client on one HTTP/2 connection to the daemon, in plaintext
  /// unless told otherwise.
  public func withClient<Result: Sendable>(
    security: HTTP2ClientTransport.Posix.TransportSecurity = .plaintext,
    config: HTTP2ClientTransport.Posix.Config = .defaults,
    _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
  ) async throws -> Result {
    try await DaemonTestSupport.withClient(to: address, security: security, config: config, body)
  }
}

/// Runs `body` with a gRPC client on one HTTP/2 connection to `address` (a daemon in this
/// process or another), in plaintext unless told otherwise.
public func withClient<Result: Sendable>(
  to address: ListenAddress,
  security: HTTP2ClientTransport.Posix.TransportSecurity = .plaintext,
  config: HTTP2ClientTransport.Posix.Config = .defaults,
  _ body: (GRPCClient<HTTP2ClientTransport.Posix>) async throws -> Result
) async throws -> Result {
  let transport = try HTTP2ClientTransport.Posix(
    target: .ipv4(address: address.host, port: address.port),
    transportSecurity: security,
    config: config
  )
  return try await withGRPCClient(transport: transport, handleClient: body)
}

extension DaemonConfiguration {
  /// Defaults on 127.0.0.1 port 0, a fresh database file in the temporary directory named
  /// `prefix-UUID.sqlite`, durability normal and a grace period of 5 s.
  public static func inProcess(databasePrefix prefix: String) -> DaemonConfiguration {
    var configuration = DaemonConfiguration.defaults
    configuration.server.listen = ListenAddress(host: "127.0.0.1", port: 0)
    configuration.server.gracePeriod = .seconds(5)
    configuration.database.path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString).sqlite").path
    configuration.database.durability = .normal
    return configuration
  }

  /// ``inProcess(databasePrefix:)`` for the daemon's tests.
  public static var testing: DaemonConfiguration { inProcess(databasePrefix: "impactd-test") }
}

/// Starts a daemon in this process (no signal handling), waits until it listens (and, by
/// default, until it is SERVING) within `startLimit` each, runs `body`, then shuts it down
/// gracefully and waits at most `shutdownLimit` for it to stop (cancelling it past that).
/// Rethrows what `body` or the daemon threw. The database file is deleted afterwards unless
/// `keepDatabase` (to restart a daemon on the same file, or keep what a benchmark made).
public func withRunningDaemon<Result: Sendable>(
  configuration: DaemonConfiguration = .testing,
  application: some DaemonApplication = HealthOnlyApplication(),
  waitUntilServing: Bool = true,
  startLimit: Duration = .seconds(20),
  shutdownLimit: Duration = .seconds(20),
  keepDatabase: Bool = false,
  logger: Logger = .inProcessDaemon(),
  _ body: @Sendable (RunningDaemon) async throws -> Result
) async throws -> Result {
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
    let address = try await withTimeout(startLimit, "the daemon to listen") {
      try await daemon.listeningAddress
    }
    if waitUntilServing {
      try await withTimeout(startLimit, "the daemon to serve") {
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

extension Logger {
  /// A logger for an in-process daemon: `label`, at `level` (warnings and worse by default, so
  /// that a test's output shows what went wrong and nothing else).
  public static func inProcessDaemon(label: String = "impactd-test", level: Logger.Level = .warning) -> Logger {
    var logger = Logger(label: label)
    logger.logLevel = level
    return logger
  }
}
