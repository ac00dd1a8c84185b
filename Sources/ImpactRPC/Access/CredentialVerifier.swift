public import ImpactCredentials

/// Turns credentials into a principal. The daemon asks it once per RPC that needs a caller.
public protocol CredentialVerifier: Sendable {
  /// The principal of a bearer token, `nil` when the token is unknown, malformed or revoked.
  func principal(forBearerToken token: String) async throws -> Principal?

  /// The principal of a verified client certificate, `nil` when no role was granted to its
  /// subject (`impactd certificate allow`).
  ///
  /// - Parameter subject: the certificate's subject, RFC 4514 (`CN=amel,O=Impact`).
  func principal(forCertificateSubject subject: String) async throws -> Principal?
}
