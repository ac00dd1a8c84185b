import Foundation
import Synchronization

/// Checks credentials against the `credentials` table, keeping each answer for
/// ``cacheLifetime`` so that a busy client costs one database read per second, not one per
/// RPC. A token revoked with `impactd token revoke` is refused within that time.
public final class StoredCredentialVerifier: CredentialVerifier {
  /// How long a looked-up credential is trusted before it is read again.
  public let cacheLifetime: Duration
  private let store: CredentialStore
  private let tokens = Mutex<[String: Entry<(StoredCredential, [UInt8])?>]>([:])
  private let certificates = Mutex<[String: Entry<StoredCredential?>]>([:])
  private let clock = ContinuousClock()

  private struct Entry<Value> {
    var value: Value
    var readAt: ContinuousClock.Instant
  }

  /// Caches are bounded so that a stream of made-up ids cannot grow them without end.
  private static let maximumEntries = 10_000

  public init(store: CredentialStore, cacheLifetime: Duration = .seconds(1)) {
    self.store = store
    self.cacheLifetime = cacheLifetime
  }

  public func principal(forBearerToken text: String) async throws -> Principal? {
    guard let token = BearerToken(parsing: text) else { return nil }
    let now = clock.now
    let cached = tokens.withLock { $0[token.id] }.flatMap { now - $0.readAt < cacheLifetime ? $0 : nil }
    let found: (StoredCredential, [UInt8])?
    if let cached {
      found = cached.value
    } else {
      found = try await store.activeToken(id: token.id)
      tokens.withLock { cache in
        if cache.count >= Self.maximumEntries { cache.removeAll(keepingCapacity: true) }
        cache[token.id] = Entry(value: found, readAt: now)
      }
    }
    guard let (credential, digest) = found, token.matches(storedDigest: digest) else { return nil }
    return credential.principal
  }

  public func principal(forCertificateSubject subject: String) async throws -> Principal? {
    let now = clock.now
    if let cached = certificates.withLock({ $0[subject] }), now - cached.readAt < cacheLifetime {
      return cached.value?.principal
    }
    let found = try await store.activeCertificate(subject: subject)
    certificates.withLock { cache in
      if cache.count >= Self.maximumEntries { cache.removeAll(keepingCapacity: true) }
      cache[subject] = Entry(value: found, readAt: now)
    }
    return found?.principal
  }
}
