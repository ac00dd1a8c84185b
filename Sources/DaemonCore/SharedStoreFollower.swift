import ImpactPostgres
import ImpactStore
import Logging
import PostgresNIO
import Synchronization

/// Keeps a daemon on a shared PostgreSQL store up with the other daemons' changes.
///
/// It listens on the journal's channel on a connection of its own and catches up from the
/// journal on every notification; it also catches up every ``interval`` whatever it heard,
/// because notifications are lost while a connection is down. While the database cannot be
/// reached, health says NOT_SERVING (every RPC but health is answered UNAVAILABLE); the
/// connection is tried again with a growing wait (0.2 s doubling to 5 s), and once the daemon
/// has caught up it serves again.
final class SharedStoreFollower: Sendable {
  private let store: PortfolioStore
  private let connector: PostgresConnector
  private let health: HealthStatusBoard
  private let logger: Logger
  private let tasks = Mutex<[Task<Void, Never>]>([])
  /// How often the daemon catches up without a notification.
  static let interval: Duration = .seconds(1)

  init(store: PortfolioStore, storage: PostgresStorage, health: HealthStatusBoard, logger: Logger) {
    self.store = store
    self.connector = storage.connector
    self.health = health
    self.logger = logger
  }

  func start() {
    let listening = Task { await self.listen() }
    let polling = Task { await self.poll() }
    tasks.withLock { $0 = [listening, polling] }
  }

  func stop() async {
    let running = tasks.withLock { tasks -> [Task<Void, Never>] in
      defer { tasks = [] }
      return tasks
    }
    for task in running { task.cancel() }
    for task in running { await task.value }
  }

  /// Catches up every ``interval``; says NOT_SERVING while it cannot, SERVING once it can again.
  private func poll() async {
    var unreachable = false
    while !Task.isCancelled {
      do {
        try await store.followOthers()
        if unreachable, !health.isShuttingDown {
          unreachable = false
          health.setAll(.serving)
          logger.info(
            "the shared database answers again; serving", metadata: ["revision": "\(store.snapshot.revision)"])
        }
      } catch {
        if !unreachable, !health.isShuttingDown {
          unreachable = true
          health.setAll(.notServing)
          logger.error(
            "the shared database cannot be reached; not serving until it can",
            metadata: ["database": "\(connector.location)", "error": "\(error)"])
        }
      }
      try? await Task.sleep(for: unreachable ? .milliseconds(200) : Self.interval)
    }
  }

  /// Listens for the other daemons' commits; reconnects with a growing wait.
  private func listen() async {
    var wait: Duration = .milliseconds(200)
    while !Task.isCancelled {
      do {
        let connection = try await connector.connect(logger: logger, id: 3)
        wait = .milliseconds(200)
        do {
          try await connection.listen(on: PostgresStorage.channel) { notifications in
            // Caught up once listening: what came before the LISTEN is in the journal.
            _ = try? await store.followOthers()
            for try await _ in notifications {
              _ = try? await store.followOthers()
            }
          }
        } catch {
          if !Task.isCancelled {
            logger.warning("lost the notification connection", metadata: ["error": "\(error)"])
          }
        }
        try? await connection.close()
      } catch {
        // The poll says NOT_SERVING; here only the next attempt is scheduled.
      }
      try? await Task.sleep(for: wait)
      wait = min(wait * 2, .seconds(5))
    }
  }
}
