public import ImpactConfiguration
public import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
public import ServiceLifecycle
import Synchronization

/// Serves `GET /metrics` in Prometheus text format over HTTP/1.1, as a ServiceLifecycle
/// service that stops listening on graceful shutdown.
///
/// At most ``TransportLimits/maxMetricsConnections`` connections are open at once (more are
/// closed as soon as they are accepted), and each is closed
/// ``TransportLimits/metricsRequestTimeout`` after it was accepted whatever it did: one scrape
/// takes milliseconds, and a client sending its request slowly (slowloris) holds nothing longer.
public final class MetricsEndpointService: Service, Sendable {
  private let address: ListenAddress
  private let metrics: DaemonMetrics
  private let access: MetricsAccess
  private let logger: Logger
  private let limits: TransportLimits
  private let connections: ConnectionRegistry
  private let bound = BoundAddressSlot()
  private let channel = Mutex<(any Channel)?>(nil)

  /// Creates the endpoint; it listens once ``run()`` starts.
  ///
  /// - Parameters:
  ///   - address: where to listen; port 0 picks a free port (see ``listeningAddress``).
  ///   - metrics: the registry to serve.
  ///   - access: who may read them (open by default; see ``MetricsAccess``).
  ///   - logger: where the bound address is reported.
  ///   - limits: how many connections may be open and how long each may last.
  public init(
    address: ListenAddress, metrics: DaemonMetrics, access: MetricsAccess = .open, logger: Logger,
    limits: TransportLimits = .defaults
  ) {
    self.limits = limits
    self.connections = ConnectionRegistry(limit: limits.maxMetricsConnections) { [metrics] count in
      metrics.setConnections(count, endpoint: "metrics")
    }
    self.address = address
    self.metrics = metrics
    self.access = access
    self.logger = logger
  }

  /// The bound address, once the endpoint listens; throws if it could not bind.
  public var listeningAddress: ListenAddress {
    get async throws { try await bound.address() }
  }

  /// Binds the address without serving yet, so that a busy port stops the daemon before it
  /// logs that it listens and serves. ``run()`` binds if this was not called.
  ///
  /// - Throws: ``DaemonStartError`` when the address is in use or cannot be bound,
  ///   ``MetricsEndpointError`` for any other failure.
  public func bind() async throws {
    if channel.withLock({ $0 }) != nil { return }
    let metrics = self.metrics
    let access = self.access
    let connections = self.connections
    let timeout = TimeAmount(limits.metricsRequestTimeout)
    let bound: any Channel
    do {
      bound = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        .childChannelInitializer { channel in
          guard connections.admit(channel) else {
            metrics.recordConnectionRefused(endpoint: "metrics")
            return channel.close()
          }
          // Closed at the deadline whatever it did; a finished scrape closes it sooner.
          let deadline = channel.eventLoop.scheduleTask(in: timeout) {
            if channel.isActive { metrics.recordConnectionClosed(endpoint: "metrics", reason: "request_timeout") }
            channel.close(promise: nil)
          }
          channel.closeFuture.whenComplete { _ in deadline.cancel() }
          return channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
            try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(metrics: metrics, access: access))
          }
        }
        .bind(host: address.host, port: address.port)
        .get()
    } catch {
      let failure: any Error =
        DaemonStartError.classify(error, address: address, endpoint: "metrics")
        ?? MetricsEndpointError(address: address, cause: "\(error)")
      await self.bound.resolve(.failure(failure))
      throw failure
    }
    channel.withLock { $0 = bound }
    let local = ListenAddress(host: address.host, port: bound.localAddress?.port ?? address.port)
    await self.bound.resolve(.success(local))
  }

  /// Stops listening; harmless when not bound or already closed.
  public func close() async {
    let bound = channel.withLock { channel -> (any Channel)? in
      defer { channel = nil }
      return channel
    }
    try? await bound?.close()
    connections.closeAll()
  }

  public func run() async throws {
    try await bind()
    guard channel.withLock({ $0 }) != nil else { return }
    if let local = try? await bound.address() {
      logger.info("metrics listening on http://\(local)/metrics")
    }

    // Cancellation ends the wait as well as a graceful shutdown; both close the listener.
    try? await gracefulShutdown()
    await close()
  }
}

/// The metrics endpoint could not listen on its address.
public struct MetricsEndpointError: Error, CustomStringConvertible {
  /// The address it tried.
  public var address: ListenAddress
  /// Why binding failed.
  public var cause: String

  public var description: String { "metrics endpoint cannot listen on \(address): \(cause)" }
}
