import Synchronization

/// Where `impact watch` stands in the daemon's journal: the revision after which it asks for
/// changes, so that after a reconnection the daemon replays exactly what was not yet shown.
///
/// Shared between the stream's task and the reconnection loop, hence the lock.
final class WatchCursor: Sendable {
  private struct State {
    var revision: Int64?
    var connections = 0
  }

  private let state: Mutex<State>

  /// A cursor after `revision`; nil asks only for changes from the first connection on.
  init(after revision: Int64?) {
    state = Mutex(State(revision: revision))
  }

  /// The revision after which changes are wanted; nil before the first connection when no
  /// `--since` was given.
  var revision: Int64? { state.withLock { $0.revision } }

  /// Whether a stream was opened once: only then is a lost connection retried.
  var hasConnected: Bool { connections > 0 }

  /// How many times a stream was opened.
  var connections: Int { state.withLock { $0.connections } }

  /// Records a connection to a daemon at `current`; the first one without `--since` starts
  /// the cursor there, so that changes committed while the stream opens are not missed.
  func connected(current: Int64) {
    state.withLock { state in
      state.connections += 1
      if state.revision == nil { state.revision = current }
    }
  }

  /// Whether `revision` is new (after the cursor); if so the cursor moves to it. A change
  /// replayed twice around a reconnection is shown once.
  func advance(to revision: Int64) -> Bool {
    state.withLock { state in
      if let current = state.revision, revision <= current { return false }
      state.revision = revision
      return true
    }
  }
}
