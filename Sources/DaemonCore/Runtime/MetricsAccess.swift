import Foundation
public import ImpactRPC
import Synchronization

/// Who may read `GET /metrics`: anyone when the daemon does not authenticate, otherwise a
/// caller presenting `Authorization: Bearer <token>` with any valid, unrevoked impactd token
/// (a viewer token made for the scraper is enough: metrics show less than a viewer reads).
///
/// The endpoint listens before the gRPC services, and so before the daemon's credential
/// verifier exists; until ``use(_:)`` hands it over, a daemon that authenticates answers
/// every scrape 503 rather than serve it unchecked.
public final class MetricsAccess: Sendable {
  /// What a scrape gets.
  public enum Decision: Sendable, Equatable {
    /// Serve the metrics.
    case allowed
    /// 401: no credentials, or credentials that are not a valid token.
    case unauthorized
    /// 503: the verifier is not ready yet.
    case unavailable
  }

  /// Whether a token is required (the daemon authenticates its RPCs).
  public let requiresToken: Bool
  private let verifier = Mutex<(any CredentialVerifier)?>(nil)

  /// - Parameter requiresToken: whether scrapes need a bearer token.
  public init(requiresToken: Bool) {
    self.requiresToken = requiresToken
  }

  /// Anyone may read: the daemon does not authenticate.
  public static let open = MetricsAccess(requiresToken: false)

  /// The verifier that checks tokens from now on.
  public func use(_ verifier: (any CredentialVerifier)?) {
    self.verifier.withLock { $0 = verifier }
  }

  /// Whether the value of an `Authorization` header (or its absence) lets the caller read.
  public func decide(authorization: String?) async -> Decision {
    guard requiresToken else { return .allowed }
    guard let verifier = verifier.withLock({ $0 }) else { return .unavailable }
    guard let token = Self.bearerToken(authorization) else { return .unauthorized }
    let principal = try? await verifier.principal(forBearerToken: token)
    return principal == nil ? .unauthorized : .allowed
  }

  /// The token of `Bearer <token>` (scheme in any case), `nil` for anything else.
  static func bearerToken(_ authorization: String?) -> String? {
    guard let authorization else { return nil }
    let parts = authorization.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
    let token = parts[1].trimmingCharacters(in: .whitespaces)
    return token.isEmpty ? nil : token
  }
}
