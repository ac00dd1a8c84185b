package import ImpactCredentials

/// The verifier of an application that keeps no credentials: authentication is required and
/// nothing passes it.
package struct NoCredentialVerifier: CredentialVerifier {
  package init() {}

  package func principal(forBearerToken token: String) async throws -> Principal? { nil }
  package func principal(forCertificateSubject subject: String) async throws -> Principal? { nil }
}
