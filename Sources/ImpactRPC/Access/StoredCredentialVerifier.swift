import Foundation
public import ImpactCredentials
public import ImpactStorage
import Synchronization

/// Checks credentials against the `credentials` table (of SQLite or PostgreSQL), keeping each answer for
/// ``cacheLifetime`` so that a busy client costs one database read per second, not one per
/// RPC. A token revoked with `impactd token revoke` is refused within that time.
public final class StoredCredentialVerifier: CredentialVerifier {
  /// How long a looked-up credential is trusted before it is read again.
  public let cacheLifetime: Duration
  private let store: any CredentialStoring
  private let tokens: LookupCache<(StoredCredential, [UInt8])?>
  private let certificates: LookupCache<StoredCredential?>

  public init(store: any CredentialStoring, cacheLifetime: Duration = .seconds(1)) {
    self.store = store
    self.cacheLifetime = cacheLifetime
    self.tokens = LookupCache(lifetime: cacheLifetime)
    self.certificates = LookupCache(lifetime: cacheLifetime)
  }

  public func principal(forBearerToken text: String) async throws -> Principal? {
    guard let token = BearerToken(parsing: text) else { return nil }
    let found = try await tokens.value(for: token.id) { [store] in try await store.activeToken(id: token.id) }
    guard let (credential, digest) = found, token.matches(storedDigest: digest) else { return nil }
    return credential.principal
  }

  public func principal(forCertificateSubject subject: String) async throws -> Principal? {
    try await certificates.value(for: subject) { [store] in try await store.activeCertificate(subject: subject) }?
      .principal
  }
}

/// Answers kept for a while by key, absent ones included; bounded so that a stream of made-up
/// keys cannot grow it without end.
private final class LookupCache<Value: Sendable>: Sendable {
  private let lifetime: Duration
  private let entries = Mutex<[String: (value: Value, readAt: ContinuousClock.Instant)]>([:])
  private static var maximumEntries: Int { 10_000 }

  init(lifetime: Duration) {
    self.lifetime = lifetime
  }

  /// The cached answer for `key` while it is fresh, else `read()`'s, then kept.
  func value(for key: String, read: () async throws -> Value) async throws -> Value {
    let now = ContinuousClock.now
    if let cached = entries.withLock({ $0[key] }), now - cached.readAt < lifetime {
      return cached.value
    }
    let value = try await read()
    entries.withLock { cache in
      if cache.count >= Self.maximumEntries { cache.removeAll(keepingCapacity: true) }
      cache[key] = (value, now)
    }
    return value
  }
}
