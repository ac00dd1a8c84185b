import Analytics
import Foundation
public import GRPCCore
import ImpactConfiguration
import ImpactPostgres
public import ImpactRPC
import ImpactStorage
public import ImpactStore
import Logging
import Synchronization

/// The impact daemon's application: the store (the SQLite file, or a PostgreSQL database shared
/// with other daemons), the in-memory portfolio and the impact.v1 services, plugged into
/// ``Daemon``.
///
/// The database is opened (a SQLite file locked against a second daemon) before the server
/// listens; the portfolio is loaded while health says NOT_SERVING; with `seedDemo`, an empty
/// database is seeded with the sample portfolio first. On PostgreSQL, a ``SharedStoreFollower``
/// keeps the portfolio up with the other daemons' changes.
public final class ImpactApplication: DaemonApplication {
  public let seedDemo: Bool
  private let opened = Mutex<(storage: any PortfolioStorage, store: PortfolioStore)?>(nil)
  private let follower = Mutex<SharedStoreFollower?>(nil)
  private let startedAt = Date()

  public init(seedDemo: Bool = false) {
    self.seedDemo = seedDemo
  }

  /// The store, once ``makeServices(context:)`` ran.
  public var store: PortfolioStore? { opened.withLock { $0?.store } }

  public func makeServices(context: DaemonContext) async throws -> [any RegistrableRPCService] {
    let configuration = context.configuration
    let storage: any PortfolioStorage
    if let location = configuration.database.postgres {
      let password = try PostgresPassword.resolve(
        environment: ProcessInfo.processInfo.environment, file: configuration.database.passwordFile)
      storage = try await PostgresStorage.open(
        PostgresConnector(location: location, password: password), logger: context.logger,
        readOnly: configuration.database.readOnly)
    } else {
      storage = try ImpactDatabase.open(
        atPath: configuration.database.path,
        configuration: .defaults {
          $0.durability = configuration.database.durability
          $0.maxSizeBytes = configuration.database.maxSizeBytes
          $0.readOnly = configuration.database.readOnly
          $0.integrityCheck = configuration.database.integrityCheck
        }
      )
    }
    let metrics = context.metrics
    let store = PortfolioStore(
      storage: storage, maximumWatchers: configuration.limits.maxWatchSubscribers,
      importIdleLimit: .seconds(configuration.limits.importIdleSeconds)
    ) {
      metrics.setProjectCount($0.projects.count)
      metrics.setRevision($0.revision)
    }
    opened.withLock { $0 = (storage, store) }
    let health = context.health
    return ImpactServices.make(
      store: store,
      limits: configuration.limits,
      startedAt: startedAt,
      databasePath: configuration.database.postgres?.description ?? configuration.database.path,
      isServing: { health.status(of: "") == .serving }
    )
  }

  public var accessPolicy: AccessPolicy { .impactV1 }

  public func interceptors(context: DaemonContext) -> [any ServerInterceptor] {
    [MinimumRevisionInterceptor { [weak self] in self?.store }]
  }

  public func credentialVerifier(context: DaemonContext) -> (any CredentialVerifier)? {
    opened.withLock { opened -> StoredCredentialVerifier? in
      if let database = opened?.storage as? ImpactDatabase {
        return StoredCredentialVerifier(store: database.credentials)
      }
      if let shared = opened?.storage as? PostgresStorage {
        return StoredCredentialVerifier(
          store: PostgresCredentialStore(connector: shared.connector, logger: context.logger))
      }
      return nil
    }
  }

  public func load(context: DaemonContext) async throws {
    guard let store else { return }
    let started = ContinuousClock.now
    try await store.load()
    if seedDemo && store.snapshot.projects.isEmpty && context.configuration.database.readOnly {
      context.logger.warning("--demo ignored: the database is open read-only")
    } else if seedDemo && store.snapshot.projects.isEmpty {
      let document = try DemoPortfolio.document()
      _ = try await store.importProjects(
        document.projects,
        mode: .upsert,
        validateOnly: false,
        context: ChangeContext(actor: "impactd --demo", rpcMethod: "impactd/SeedDemo")
      )
      context.logger.info("seeded the sample portfolio", metadata: ["projects": "\(document.projects.count)"])
      if store.framework == nil {
        let framework = try DemoFramework.framework(domains: Set(store.snapshot.scheme.domains.map(\.id)))
        _ = try await store.setFramework(
          framework, document: String(decoding: DemoFramework.json, as: UTF8.self),
          context: ChangeContext(actor: "impactd --demo", rpcMethod: "impactd/SeedDemo"))
        context.logger.info("seeded the sample framework", metadata: ["impacts": "\(framework.impacts.count)"])
      }
    }
    if let storage = opened.withLock({ $0?.storage as? PostgresStorage }) {
      let follower = SharedStoreFollower(store: store, storage: storage, health: context.health, logger: context.logger)
      follower.start()
      self.follower.withLock { $0 = follower }
    }
    let snapshot = store.snapshot
    context.logger.info(
      "portfolio loaded",
      metadata: [
        "projects": "\(snapshot.projects.count)",
        "revision": "\(snapshot.revision)",
        "scheme": "\(snapshot.scheme.id)",
        "duration": "\(ContinuousClock.now - started)",
      ]
    )
  }

  public func shutdownRequested(context: DaemonContext) async {
    store?.finishWatchers()
  }

  public func shutdown(context: DaemonContext) async throws {
    await follower.withLock({ $0 })?.stop()
    guard let storage = opened.withLock({ $0?.storage }) else { return }
    store?.finishWatchers()
    if let shared = storage as? PostgresStorage { await shared.shutdown() }
    try storage.close()
    context.logger.info("database closed")
  }
}
