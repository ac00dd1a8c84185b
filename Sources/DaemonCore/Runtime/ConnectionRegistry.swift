import NIOCore
import Synchronization

/// The open connections of one endpoint (the gRPC server or the metrics endpoint), at most
/// ``limit`` at once, so that a flood of idle connections cannot take every file descriptor.
///
/// A connection is registered when it is accepted and forgotten when it closes. Past the limit a
/// new connection is refused: the caller closes it at once. ``closeAll()`` ends every connection
/// still open, for the end of a shutdown's grace period, when a client that does not read would
/// otherwise keep the daemon alive.
final class ConnectionRegistry: Sendable {
  private struct State {
    var nextID = 0
    var channels: [Int: any Channel] = [:]
    var isClosed = false
  }

  private let state = Mutex(State())
  /// The most connections open at once.
  let limit: Int
  /// Called with the number of open connections after every change.
  private let onCount: @Sendable (Int) -> Void

  /// A registry of at most `limit` connections, reporting their number to `onCount`.
  init(limit: Int, onCount: @escaping @Sendable (Int) -> Void = { _ in }) {
    self.limit = max(limit, 1)
    self.onCount = onCount
  }

  /// The number of connections open now.
  var count: Int { state.withLock { $0.channels.count } }

  /// Registers `channel` until it closes and returns true, or returns false when ``limit``
  /// connections are open already or ``closeAll()`` ran (the caller then closes `channel`).
  func admit(_ channel: any Channel) -> Bool {
    let admitted: (id: Int, count: Int)? = state.withLock { state in
      guard !state.isClosed, state.channels.count < limit else { return nil }
      let id = state.nextID
      state.nextID += 1
      state.channels[id] = channel
      return (id, state.channels.count)
    }
    guard let admitted else { return false }
    onCount(admitted.count)
    channel.closeFuture.whenComplete { [self] _ in
      let count = state.withLock { state in
        state.channels.removeValue(forKey: admitted.id)
        return state.channels.count
      }
      onCount(count)
    }
    return true
  }

  /// Closes every open connection and refuses new ones from now on; returns how many it closed.
  @discardableResult
  func closeAll() -> Int {
    let channels = state.withLock { state in
      state.isClosed = true
      return Array(state.channels.values)
    }
    for channel in channels { channel.close(promise: nil) }
    return channels.count
  }
}
