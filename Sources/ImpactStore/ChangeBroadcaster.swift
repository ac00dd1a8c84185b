import Synchronization

/// Fans committed changes out to the watchers, with a bound on how many may watch at once.
final class ChangeBroadcaster: Sendable {
  private struct State {
    var nextID = 0
    var subscribers: [Int: AsyncStream<ChangeEvent>.Continuation] = [:]
  }

  private let state = Mutex(State())
  let maximumSubscribers: Int

  init(maximumSubscribers: Int) {
    self.maximumSubscribers = maximumSubscribers
  }

  var subscriberCount: Int { state.withLock { $0.subscribers.count } }

  /// A stream of every change published after this call, or `nil` when the limit is reached.
  /// A slow watcher keeps the newest 1024 events; older ones are dropped for it alone, and
  /// the watch service reads them back from the journal (revisions are consecutive, so a gap
  /// shows what was dropped).
  func subscribe() -> WatchSubscription? {
    let (stream, continuation) = AsyncStream.makeStream(of: ChangeEvent.self, bufferingPolicy: .bufferingNewest(1024))
    let id: Int? = state.withLock { state in
      guard state.subscribers.count < maximumSubscribers else { return nil }
      defer { state.nextID += 1 }
      state.subscribers[state.nextID] = continuation
      return state.nextID
    }
    guard let id else { return nil }
    continuation.onTermination = { [weak self] _ in
      self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
    }
    return WatchSubscription(events: stream, end: { continuation.finish() })
  }

  func publish(_ event: ChangeEvent) {
    let continuations = state.withLock { Array($0.subscribers.values) }
    for continuation in continuations { continuation.yield(event) }
  }

  /// Ends every stream (at shutdown).
  func finishAll() {
    let continuations = state.withLock { state in
      defer { state.subscribers.removeAll() }
      return Array(state.subscribers.values)
    }
    for continuation in continuations { continuation.finish() }
  }
}
