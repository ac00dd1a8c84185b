import Dispatch
import Synchronization

/// Runs asynchronous PostgreSQL work for a caller that blocks: the store's writer queue and its
/// history queue make synchronous storage calls (the SQLite store is synchronous), and they are
/// never threads of Swift's cooperative pool, so waiting there for a task is safe.
enum Blocking {
  /// Runs `body` and waits for it, at most `timeout`.
  /// - Throws: what `body` throws; ``PostgresTimeout`` past `timeout` (the body is cancelled).
  static func run<T: Sendable>(
    timeout: Duration, _ body: @escaping @Sendable () async throws -> T
  ) throws -> T {
    let done = DispatchSemaphore(value: 0)
    let outcome = Mutex<Result<T, any Error>?>(nil)
    Task.detached {
      let result: Result<T, any Error>
      do {
        result = .success(try await withTimeout(timeout, body))
      } catch {
        result = .failure(error)
      }
      outcome.withLock { $0 = result }
      done.signal()
    }
    done.wait()
    return try outcome.withLock { $0! }.get()
  }

  /// `body`'s value, or ``PostgresTimeout`` once `timeout` has passed.
  static func withTimeout<T: Sendable>(
    _ timeout: Duration, _ body: @escaping @Sendable () async throws -> T
  ) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
      group.addTask { try await body() }
      group.addTask {
        try await Task.sleep(for: timeout)
        throw PostgresTimeout(after: timeout)
      }
      defer { group.cancelAll() }
      return try await group.next()!
    }
  }
}

/// A PostgreSQL operation that took longer than its limit; the connection it used is closed.
struct PostgresTimeout: Error, CustomStringConvertible {
  var after: Duration

  var description: String { "no answer within \(after.components.seconds) s" }
}
