public import GRPCCore
public import Logging
public import ServiceLifecycle

/// Runs a `GRPCServer` as a ServiceLifecycle service.
///
/// On graceful shutdown the server stops accepting RPCs and lets in-flight ones finish; after
/// `gracePeriod` the RPCs still running are cancelled and every connection is closed. Either way the service then returns
/// normally, so a shutdown that had to cancel RPCs still ends the daemon cleanly.
public struct GRPCServerService<Transport: ServerTransport>: Service {
  /// The server being run.
  public let server: GRPCServer<Transport>
  private let gracePeriod: Duration
  private let logger: Logger
  private let afterGracePeriod: @Sendable () -> Void

  /// Wraps a server.
  ///
  /// - Parameters:
  ///   - server: the server, not yet serving.
  ///   - gracePeriod: how long in-flight RPCs may run after a shutdown starts.
  ///   - logger: where the shutdown is reported.
  ///   - afterGracePeriod: runs when the grace period expires, after the RPCs still running are
  ///     cancelled; the daemon closes every connection there, so that a client that never reads
  ///     cannot hold a cancelled RPC's write, and the process, open.
  public init(
    server: GRPCServer<Transport>, gracePeriod: Duration, logger: Logger,
    afterGracePeriod: @escaping @Sendable () -> Void = {}
  ) {
    self.server = server
    self.gracePeriod = gracePeriod
    self.logger = logger
    self.afterGracePeriod = afterGracePeriod
  }

  public func run() async throws {
    try await withThrowingTaskGroup(of: Ending.self) { group in
      group.addTask {
        try await server.serve()
        return .served
      }
      group.addTask {
        // Throws only when the service is cancelled, which ends `serve` too.
        try await gracefulShutdown()
        logger.info("stopping the gRPC server", metadata: ["grace_period": "\(gracePeriod)"])
        server.beginGracefulShutdown()
        try await Task.sleep(for: gracePeriod)
        return .gracePeriodExpired
      }

      switch try await group.next() {
      case .gracePeriodExpired:
        logger.warning("grace period expired; cancelling the RPCs still running and closing every connection")
        group.cancelAll()
        afterGracePeriod()
        // `serve` may throw now that its RPCs are cancelled: that is the expected ending.
        _ = try? await group.next()
      case .served, nil:
        group.cancelAll()
      }
    }
  }

  private enum Ending: Sendable {
    case served
    case gracePeriodExpired
  }
}
