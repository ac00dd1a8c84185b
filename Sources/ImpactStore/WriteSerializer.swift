import Dispatch

/// Runs one write at a time, on a serial queue of its own: the synchronous SQLite commit (and
/// its `fsync`) blocks that queue's thread, never a thread of Swift's cooperative pool, and
/// waiting writers suspend instead of blocking.
final class WriteSerializer: Sendable {
  fileprivate let queue = DispatchQueue(label: "impactd-writer", qos: .userInitiated)

  func perform<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async { continuation.resume(with: Result { try body() }) }
    }
  }
}

extension WriteSerializer {
  /// Runs `body` after the writes queued so far and before any queued later, without waiting
  /// for it: housekeeping that must not delay the answer of the write that asked for it.
  func enqueue(_ body: @escaping @Sendable () -> Void) {
    queue.async(execute: body)
  }

  /// Runs `body` on the writer's queue once `delay` has passed (and the writes queued by then
  /// are done): housekeeping that waits for the caller to let go of what it holds.
  func enqueue(after delay: DispatchTimeInterval, _ body: @escaping @Sendable () -> Void) {
    queue.asyncAfter(deadline: .now() + delay, execute: body)
  }
}
