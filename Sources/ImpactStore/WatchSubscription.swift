/// One watcher's stream of changes, and the way to end it early (when its RPC is cancelled).
public struct WatchSubscription: Sendable {
  public let events: AsyncStream<ChangeEvent>
  /// Ends `events`; the watcher's loop then finishes.
  public let end: @Sendable () -> Void
}
