/// The verifier of an application that keeps no credentials: authentication is required and
/// nothing passes it.
struct NoCredentialVerifier: CredentialVerifier {
  func principal(forBearerToken token: String) async throws -> Principal? { nil }
  func principal(forCertificateSubject subject: String) async throws -> Principal? { nil }
}
