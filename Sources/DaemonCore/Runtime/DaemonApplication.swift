public import GRPCCore
public import ImpactRPC

/// What the daemon serves and the resources behind it, plugged into ``Daemon/run(application:handlingSignals:)``.
///
/// The daemon calls, in order:
/// 1. ``makeServices(context:)`` before listening: open the database, build the services.
/// 2. ``load(context:)`` once the server listens, while health reports NOT_SERVING and every
///    RPC but health is answered UNAVAILABLE: load the store.
/// 3. Health flips to SERVING.
/// 4. On SIGTERM/SIGINT: health goes NOT_SERVING and ``shutdownRequested(context:)`` runs (end
///    long-lived streams such as change watches), in-flight RPCs drain (cancelled after the
///    grace period), then ``shutdown(context:)``: close the database.
///
/// ``ImpactApplication`` is the daemon's; in outline:
///
/// ```swift
/// final class ImpactApplication: DaemonApplication {
///   func makeServices(context: DaemonContext) async throws -> [any RegistrableRPCService] {
///     let database = try ImpactDatabase.open(atPath: context.configuration.database.path)
///     let store = PortfolioStore(database: database)
///     return ImpactServices.make(
///       store: store, limits: context.configuration.limits, startedAt: Date(),
///       databasePath: context.configuration.database.path, isServing: { true })
///   }
///   func load(context: DaemonContext) async throws { try await store.load() }
///   var accessPolicy: AccessPolicy { .impactV1 }
/// }
/// ```
public protocol DaemonApplication: Sendable {
  /// Opens what the services need and returns them; throwing stops the daemon before it listens.
  func makeServices(context: DaemonContext) async throws -> [any RegistrableRPCService]

  /// Loads state; runs while the server listens and reports NOT_SERVING. Throwing stops the daemon.
  func load(context: DaemonContext) async throws

  /// Called when a shutdown starts, before the server drains: end server-streaming RPCs that
  /// would otherwise run until the grace period cancels them.
  func shutdownRequested(context: DaemonContext) async

  /// Releases resources once the server has stopped: every RPC has finished or was cancelled.
  func shutdown(context: DaemonContext) async throws

  /// Who may call each RPC of the services; an RPC without a rule is refused to everyone.
  /// Health is always open.
  var accessPolicy: AccessPolicy { get }

  /// Checks bearer tokens and client certificates when the configuration requires
  /// authentication; called after ``makeServices(context:)``. `nil`: no credential is valid.
  func credentialVerifier(context: DaemonContext) -> (any CredentialVerifier)?

  /// Interceptors of the application's own, run after the daemon's (access, readiness).
  func interceptors(context: DaemonContext) -> [any ServerInterceptor]
}

extension DaemonApplication {
  /// No rule: only health is served.
  public var accessPolicy: AccessPolicy { AccessPolicy() }

  /// No credentials.
  public func credentialVerifier(context: DaemonContext) -> (any CredentialVerifier)? { nil }

  public func interceptors(context: DaemonContext) -> [any ServerInterceptor] { [] }

  /// Nothing to load.
  public func load(context: DaemonContext) async throws {}

  /// No streams to end.
  public func shutdownRequested(context: DaemonContext) async {}

  /// Nothing to release.
  public func shutdown(context: DaemonContext) async throws {}
}

/// An application with no services of its own: the daemon serves only health.
public struct HealthOnlyApplication: DaemonApplication {
  /// Creates it.
  public init() {}

  public func makeServices(context: DaemonContext) async throws -> [any RegistrableRPCService] { [] }
}
