import ImpactConfiguration

/// The address a server bound, for callers that ask before the server has bound it.
///
/// Waiters suspend until the server reports the address or that it could not bind.
actor BoundAddressSlot {
  private var result: Result<ListenAddress, any Error>?
  private var waiters: [CheckedContinuation<ListenAddress, any Error>] = []

  /// Reports the outcome once; later reports are ignored.
  func resolve(_ outcome: Result<ListenAddress, any Error>) {
    guard result == nil else { return }
    result = outcome
    for waiter in waiters { waiter.resume(with: outcome) }
    waiters = []
  }

  /// The bound address, waiting for it if the server has not bound yet.
  func address() async throws -> ListenAddress {
    if let result { return try result.get() }
    return try await withCheckedThrowingContinuation { waiters.append($0) }
  }
}
