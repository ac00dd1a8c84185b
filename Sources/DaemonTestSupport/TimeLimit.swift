/// Something a test, a benchmark or the fuzzer waited on did not happen in time.
public struct TimeLimitExceeded: Error, CustomStringConvertible {
  /// What was awaited, in words ("the daemon to listen").
  public var what: String
  /// The limit that ran out, when there was one.
  public var limit: Duration?

  /// - Parameters:
  ///   - what: what was awaited, in words.
  ///   - limit: the limit that ran out.
  public init(what: String, limit: Duration? = nil) {
    self.what = what
    self.limit = limit
  }

  public var description: String {
    limit.map { "timed out after \($0) waiting for \(what)" } ?? "timed out waiting for \(what)"
  }
}

/// Runs `operation`, failing with ``TimeLimitExceeded`` if it takes longer than `limit`; the
/// operation is cancelled then.
public func withTimeout<Result: Sendable>(
  _ limit: Duration,
  _ what: String,
  _ operation: @escaping @Sendable () async throws -> Result
) async throws -> Result {
  try await withThrowingTaskGroup(of: Result?.self) { group in
    group.addTask { try await operation() }
    group.addTask {
      try await Task.sleep(for: limit)
      return nil
    }
    defer { group.cancelAll() }
    guard let first = try await group.next(), let result = first else {
      throw TimeLimitExceeded(what: what, limit: limit)
    }
    return result
  }
}
