public import Foundation
public import ImpactCredentials

/// Where tokens and certificate grants are kept: the `credentials` table of the SQLite file
/// (``CredentialStore``) or of the shared PostgreSQL database (`PostgresCredentialStore`). The
/// daemon's access layer reads it; `impactd token` and `impactd certificate` administer it.
public protocol CredentialStoring: Sendable {
  /// Creates a token; the returned token's ``BearerToken/text`` is the only copy of its secret.
  func createToken(name: String, role: Role, at date: Date) throws -> (token: BearerToken, credential: StoredCredential)
  /// Grants `role` to clients whose verified certificate has this subject.
  func allowCertificate(subject: String, role: Role, at date: Date) throws -> StoredCredential
  /// Every credential, oldest first; revoked ones only when asked.
  func list(includingRevoked: Bool) throws -> [StoredCredential]
  /// Revokes the active credential of this kind and name.
  @discardableResult
  func revoke(_ kind: StoredCredential.Kind, name: String, at date: Date) throws -> StoredCredential
  /// The active token credential with this public id and its stored digest.
  func activeToken(id: String) async throws -> (credential: StoredCredential, digest: [UInt8])?
  /// The active grant of a certificate subject.
  func activeCertificate(subject: String) async throws -> StoredCredential?
  /// Closes the connection.
  func close() throws
}

extension CredentialStoring {
  public func createToken(name: String, role: Role) throws -> (token: BearerToken, credential: StoredCredential) {
    try createToken(name: name, role: role, at: Date())
  }

  public func allowCertificate(subject: String, role: Role) throws -> StoredCredential {
    try allowCertificate(subject: subject, role: role, at: Date())
  }

  public func list() throws -> [StoredCredential] { try list(includingRevoked: false) }

  @discardableResult
  public func revoke(_ kind: StoredCredential.Kind, name: String) throws -> StoredCredential {
    try revoke(kind, name: name, at: Date())
  }
}

extension CredentialStore: CredentialStoring {}
