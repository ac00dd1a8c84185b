private import Synchronization

/// The serving status of the daemon (the empty service name) and of each gRPC service, which
/// the daemon flips through its lifecycle and the health service reports.
///
/// Statuses start as NOT_SERVING while the store loads, become SERVING once it is loaded, and
/// return to NOT_SERVING when a shutdown starts. ``beginShutdown()`` ends every watch, so open health
/// Watch streams do not hold the server open during a shutdown.
public final class HealthStatusBoard: Sendable {
  private struct State {
    var statuses: [String: HealthStatus] = ["": .notServing]
    var watchers: [Int: Watcher] = [:]
    var nextWatcherID = 0
    var isClosed = false
  }

  private struct Watcher {
    var service: String
    var continuation: AsyncStream<HealthStatus>.Continuation
  }

  private let state = Mutex(State())

  /// A board on which the daemon as a whole (`""`) is NOT_SERVING and no service is known.
  public init() {}

  /// The status of a service (`""` for the whole daemon), `nil` when the name is unknown.
  public func status(of service: String) -> HealthStatus? {
    state.withLock { $0.statuses[service] }
  }

  /// Every known service with its status, the whole daemon under `""`.
  public var statuses: [String: HealthStatus] {
    state.withLock { $0.statuses }
  }

  /// Sets the status of one service (`""` for the whole daemon), registering it if unknown.
  public func setStatus(_ status: HealthStatus, of service: String) {
    // Yielding under the lock keeps every watcher's updates in the order they were set.
    state.withLock { state in
      guard !state.isClosed, state.statuses[service] != status else { return }
      state.statuses[service] = status
      for watcher in state.watchers.values where watcher.service == service {
        watcher.continuation.yield(status)
      }
    }
  }

  /// Sets the whole daemon and every registered service to one status.
  public func setAll(_ status: HealthStatus) {
    for service in statuses.keys { setStatus(status, of: service) }
  }

  /// Registers services at NOT_SERVING (already known names keep their status).
  public func register(services: some Sequence<String>) {
    for service in services where self.status(of: service) == nil {
      setStatus(.notServing, of: service)
    }
  }

  /// Watches a service: its status now and after every change, until ``beginShutdown()``, until
  /// ``HealthSubscription/end()`` or until the consumer stops iterating. An unknown service
  /// yields ``HealthStatus/serviceUnknown`` first and its status once it is registered.
  public func subscribe(to service: String) -> HealthSubscription {
    // Without a limit there is always a subscription.
    subscribe(to: service, maximumWatchers: .max)!
  }

  /// ``subscribe(to:)``, or `nil` when `maximumWatchers` watches are open already.
  public func subscribe(to service: String, maximumWatchers: Int) -> HealthSubscription? {
    let (stream, continuation) = AsyncStream.makeStream(
      of: HealthStatus.self,
      bufferingPolicy: .bufferingNewest(16)
    )
    var full = false
    let registration = state.withLock { state -> Int? in
      guard state.watchers.count < maximumWatchers else {
        full = true
        return nil
      }
      continuation.yield(state.statuses[service] ?? .serviceUnknown)
      guard !state.isClosed else { return nil }
      let id = state.nextWatcherID
      state.nextWatcherID += 1
      state.watchers[id] = Watcher(service: service, continuation: continuation)
      return id
    }
    if let id = registration {
      continuation.onTermination = { [weak self] _ in
        self?.state.withLock { _ = $0.watchers.removeValue(forKey: id) }
      }
    } else {
      continuation.finish()
      if full { return nil }
    }
    return HealthSubscription(updates: stream, continuation: continuation)
  }

  /// The number of open watches.
  public var watcherCount: Int {
    state.withLock { $0.watchers.count }
  }

  /// True once ``beginShutdown()`` ran.
  public var isShuttingDown: Bool {
    state.withLock { $0.isClosed }
  }

  /// Marks the daemon and every service NOT_SERVING for good (later status changes are
  /// ignored) and ends every watch, so open Watch streams do not hold the server open; a watch
  /// started later gets the current status, then ends.
  public func beginShutdown() {
    setAll(.notServing)
    let continuations = state.withLock { state in
      state.isClosed = true
      let continuations = state.watchers.values.map(\.continuation)
      state.watchers = [:]
      return continuations
    }
    for continuation in continuations { continuation.finish() }
  }
}
