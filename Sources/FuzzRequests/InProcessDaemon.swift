import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactConfiguration
import ImpactStore
import Logging

/// A real impactd (``ImpactApplication`` behind ``Daemon``) running in this process on
/// 127.0.0.1 with a free port and a temporary SQLite file, through the harness the daemon's own
/// tests use (`DaemonTestSupport`).
enum InProcessDaemon {
  /// Starts the daemon, waits until it is SERVING, runs `body` with its store and a client
  /// connected to it, then shuts it down and deletes the database (unless `keepDatabase`).
  static func run<Result: Sendable>(
    maxRequestPayloadBytes: Int,
    logLevel: Logger.Level,
    keepDatabase: Bool,
    _ body: @Sendable (PortfolioStore, GRPCClient<HTTP2ClientTransport.Posix>, String) async throws -> Result
  ) async throws -> Result {
    var configuration = DaemonConfiguration.inProcess(databasePrefix: "impact-fuzz-requests")
    configuration.limits.maxRequestPayloadBytes = maxRequestPayloadBytes
    let application = ImpactApplication()
    let databasePath = configuration.database.path
    return try await withRunningDaemon(
      configuration: configuration,
      application: application,
      startLimit: .seconds(60),
      shutdownLimit: .seconds(60),
      keepDatabase: keepDatabase,
      logger: .inProcessDaemon(label: "impact-fuzz-requests", level: logLevel)
    ) { daemon in
      guard let store = application.store else { throw FuzzFailure("the daemon is serving without a store") }
      return try await daemon.withClient(config: .defaults { $0.http2.targetWindowSize = 8 * 1024 * 1024 }) {
        client in try await body(store, client, databasePath)
      }
    }
  }
}

/// The fuzzer itself could not run (not a finding about the daemon).
struct FuzzFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
