import GRPCCore
import GRPCNIOTransportHTTP2
public import ImpactConfiguration
import ImpactRPC
public import Logging
import ServiceLifecycle
private import Synchronization
import UnixSignals

/// The `impactd` daemon: a gRPC server with health, request logging and metrics, run as one
/// ServiceLifecycle group around a ``DaemonApplication``.
///
/// ```swift
/// let daemon = Daemon(configuration: configuration, logger: logger)
/// try await daemon.run(application: ImpactApplication())  // returns after SIGTERM/SIGINT
/// ```
///
/// Beside the application's services, the daemon serves health (``HealthService``) and server
/// reflection (``ReflectionService``, v1 and v1alpha).
///
/// Services of the group, in dependency order (stopped in reverse): the application (load,
/// then close), the metrics endpoint, the gRPC server, the health switch that turns
/// NOT_SERVING first when a shutdown starts.
public final class Daemon: Sendable {
  /// The configuration the daemon runs with.
  public let configuration: DaemonConfiguration
  /// The daemon's logger.
  public let logger: Logger
  /// The daemon's metrics registry.
  public let metrics: DaemonMetrics
  /// The health statuses the health service reports.
  public let health: HealthStatusBoard

  private let grpcAddress = BoundAddressSlot()
  private let metricsEndpoint: MetricsEndpointService?
  /// Who may read `/metrics`: a bearer token when the daemon authenticates.
  private let metricsAccess: MetricsAccess
  private let group = Mutex(GroupState.notStarted)

  private enum GroupState {
    case notStarted
    case shutdownRequested
    case running(ServiceGroup)
  }

  /// Creates a daemon; nothing runs until ``run(application:handlingSignals:)``.
  ///
  /// - Parameters:
  ///   - configuration: addresses, database, limits.
  ///   - logger: the daemon logs lifecycle events and one line per RPC here.
  ///   - metrics: the registry to record into (the executable bootstraps swift-metrics with
  ///     its factory).
  public init(configuration: DaemonConfiguration, logger: Logger, metrics: DaemonMetrics = DaemonMetrics()) {
    var metrics = metrics
    if metrics.databasePath == nil { metrics.databasePath = configuration.database.path }
    self.configuration = configuration
    self.logger = logger
    self.metrics = metrics
    self.health = HealthStatusBoard()
    self.metricsAccess = MetricsAccess(requiresToken: configuration.requiresAuthentication)
    self.metricsEndpoint = configuration.metrics.listen.map { [metrics, metricsAccess] in
      MetricsEndpointService(
        address: $0, metrics: metrics, access: metricsAccess, logger: logger, limits: configuration.transport)
    }
  }

  /// The address the gRPC server bound (the real port when configured with port 0), once it
  /// listens; throws if the daemon failed before listening.
  public var listeningAddress: ListenAddress {
    get async throws { try await grpcAddress.address() }
  }

  /// The address of the metrics endpoint once it listens, `nil` when metrics are off.
  public var metricsListeningAddress: ListenAddress? {
    get async throws {
      guard let metricsEndpoint else { return nil }
      return try await metricsEndpoint.listeningAddress
    }
  }

  /// Runs the daemon until it is shut down.
  ///
  /// - Parameters:
  ///   - application: the services and the store behind them.
  ///   - handlingSignals: whether SIGTERM and SIGINT start a graceful shutdown (tests running a
  ///     daemon in process pass `false` and call ``triggerGracefulShutdown()``).
  /// - Throws: when the application cannot start or load, or the server cannot listen. A
  ///   graceful shutdown returns normally, even when the grace period cancelled RPCs.
  public func run(application: some DaemonApplication, handlingSignals: Bool = true) async throws {
    do {
      try await runServices(application: application, handlingSignals: handlingSignals)
    } catch {
      // The metrics port is bound before the services run; a start that failed after it
      // must not leave it bound (tests run many daemons in one process).
      await metricsEndpoint?.close()
      let startError = DaemonStartError.classify(error, address: configuration.server.listen, endpoint: "gRPC")
      await grpcAddress.resolve(.failure(startError ?? error))
      throw startError ?? error
    }
    await grpcAddress.resolve(.failure(DaemonStoppedError()))
  }

  /// Starts a graceful shutdown, as SIGTERM does; harmless before or after ``run(application:handlingSignals:)``.
  public func triggerGracefulShutdown() async {
    let running = group.withLock { state -> ServiceGroup? in
      switch state {
      case .notStarted, .shutdownRequested:
        state = .shutdownRequested
        return nil
      case .running(let group):
        return group
      }
    }
    await running?.triggerGracefulShutdown()
  }

  private func runServices(application: some DaemonApplication, handlingSignals: Bool) async throws {
    let context = DaemonContext(configuration: configuration, logger: logger, health: health, metrics: metrics)

    try configuration.checkSecurity()
    // The metrics port is bound first: if it is busy, the daemon stops before it says it
    // listens or serves.
    try await metricsEndpoint?.bind()
    let services = try await application.makeServices(context: context)
    let healthService = HealthService(board: health, limits: configuration.transport, metrics: metrics)
    let reflection = ReflectionService(
      serving: Self.serviceNames(of: services + [healthService]).union(ReflectionService.serviceNames))
    let served: [any RegistrableRPCService] =
      services + [healthService, reflection, ReflectionServiceV1Alpha(reflection)]
    health.register(services: Self.serviceNames(of: served))
    let verifier: (any CredentialVerifier)? =
      configuration.requiresAuthentication
      ? application.credentialVerifier(context: context) ?? NoCredentialVerifier() : nil
    metricsAccess.use(verifier)
    logger.info(
      "access",
      metadata: [
        "authentication": "\(verifier == nil ? "off" : "on")",
        "tls": "\(configuration.security.tls.map { $0.isMutual ? "mutual" : "on" } ?? "off")",
      ]
    )

    let payloadLimit = configuration.limits.maxRequestPayloadBytes
    metrics.registerTransportMetrics()
    let connections = ConnectionRegistry(limit: configuration.transport.maxConnections) { [metrics] count in
      metrics.setConnections(count, endpoint: "grpc")
    }
    let transport = HTTP2ServerTransport.Posix(
      address: Self.socketAddress(configuration.server.listen),
      transportSecurity: TransportSecurityFactory.server(configuration.security.tls),
      config: .defaults { config in
        // The transport resets the stream of a message over its own limit; the wrapper below
        // refuses those over the configured limit with a status instead.
        config.rpc.maxRequestPayloadSize = PayloadLimitedServerTransport<HTTP2ServerTransport.Posix>
          .transportCeiling(forLimit: payloadLimit)
        config.http2.maxConcurrentStreams = configuration.limits.maxConcurrentStreamsPerConnection
        config.connection.keepalive.time = Self.keepaliveTime
        config.channelDebuggingCallbacks.onAcceptTCPConnection = Self.connectionGuard(
          registry: connections, limits: configuration.transport, metrics: metrics, logger: logger)
        config.channelDebuggingCallbacks.onAcceptHTTP2Stream = Self.healthRequestGuard(limits: configuration.transport)
      }
    )
    let server = GRPCServer(
      transport: PayloadLimitedServerTransport(base: transport, limit: payloadLimit),
      services: served,
      interceptors: [
        ErrorMessageClippingInterceptor(),
        LocalizedErrorInterceptor(),
        RPCObservationInterceptor(logger: logger, metrics: metrics),
        AccessInterceptor(policy: application.accessPolicy.merging(.health).merging(.reflection), verifier: verifier),
        ReadinessInterceptor(health: health),
      ] + application.interceptors(context: context)
    )

    let grpcAddress = self.grpcAddress
    var lifecycle: [any Service] = [
      ApplicationService(
        application: application,
        context: context,
        listeningAddress: { try await Self.listenAddress(of: transport) },
        announce: { await grpcAddress.resolve($0) }
      )
    ]
    if let metricsEndpoint { lifecycle.append(metricsEndpoint) }
    lifecycle.append(
      GRPCServerService(server: server, gracePeriod: configuration.server.gracePeriod, logger: logger) { [metrics] in
        // A client that reads nothing keeps its RPC's writes waiting, and so the server, after
        // its RPCs are cancelled: closing every connection ends them.
        for _ in 0..<connections.closeAll() {
          metrics.recordConnectionClosed(endpoint: "grpc", reason: "shutdown")
        }
      })
    lifecycle.append(
      ShutdownAnnouncementService(health: health, logger: logger) {
        await application.shutdownRequested(context: context)
      }
    )

    var groupConfiguration = ServiceGroupConfiguration(
      services: lifecycle,
      gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
      logger: logger
    )
    // A backstop for a stuck shutdown (the server cancels its RPCs after the grace period):
    // past it the group cancels whatever still runs.
    groupConfiguration.maximumGracefulShutdownDuration = configuration.server.gracePeriod + .seconds(30)
    let serviceGroup = ServiceGroup(configuration: groupConfiguration)

    let shutdownAlreadyRequested = group.withLock { state in
      defer { state = .running(serviceGroup) }
      if case .shutdownRequested = state { return true }
      return false
    }
    if shutdownAlreadyRequested { await serviceGroup.triggerGracefulShutdown() }
    try await serviceGroup.run()
  }

  /// How long a connection may stay silent before the server PINGs it (the transport's default
  /// is 2 hours).
  ///
  /// Short because a graceful shutdown can stall otherwise. Once the server has sent its first
  /// GOAWAY (last stream id 2^31-1, the race window the two-GOAWAY drain leaves open),
  /// swift-nio-http2 refuses a new stream (RST_STREAM REFUSED_STREAM) without remembering it, so
  /// the DATA frame that follows the refused HEADERS is a connection error (GOAWAY
  /// PROTOCOL_ERROR). grpc-swift-nio-transport keeps a draining connection open on that error,
  /// but the HTTP/2 handler stops parsing the bytes it has already read: frames of accepted RPCs
  /// in the same read (the rest of a large request, the PING ack the drain waits on) wait for
  /// the client's next bytes. A client waiting for its answers sends none, and the RPC runs
  /// until the grace period cancels it. A keepalive PING makes the client write, and parsing
  /// resumes. Any client that opens a stream just before it reads the GOAWAY can hit this; gRPC
  /// C-core under load does (`Tests/Faults/test_sigterm_under_load.py`, `ShutdownDrainTests`).
  static let keepaliveTime: Duration = .seconds(1)

  /// The fully qualified names of the services, read from the methods they register.
  static func serviceNames(of services: [any RegistrableRPCService]) -> Set<String> {
    var router = RPCRouter<HTTP2ServerTransport.Posix>()
    for service in services { service.registerMethods(with: &router) }
    return Set(router.methods.map(\.service.fullyQualifiedService))
  }

  static func socketAddress(_ address: ListenAddress) -> GRPCNIOTransportCore.SocketAddress {
    address.isIPv6 ? .ipv6(host: address.host, port: address.port) : .ipv4(host: address.host, port: address.port)
  }

  static func listenAddress(of transport: HTTP2ServerTransport.Posix) async throws -> ListenAddress {
    let address = try await transport.listeningAddress
    if let ipv4 = address.ipv4 { return ListenAddress(host: ipv4.host, port: ipv4.port) }
    if let ipv6 = address.ipv6 { return ListenAddress(host: ipv6.host, port: ipv6.port) }
    throw DaemonStoppedError()
  }
}

/// The daemon is not listening: it stopped, or never started listening.
public struct DaemonStoppedError: Error, CustomStringConvertible {
  /// Creates the error.
  public init() {}

  public var description: String { "impactd is not listening: it stopped or failed to start" }
}
