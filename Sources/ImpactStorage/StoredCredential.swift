public import Foundation
public import ImpactCredentials

/// A token or certificate grant as stored in `credentials`; never the token's secret.
public struct StoredCredential: Sendable, Hashable {
  /// A bearer token or a client certificate subject.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case token
    case certificate
  }

  public var kind: Kind
  /// The token's name, or the certificate's subject (RFC 4514); the audit journal's actor.
  public var name: String
  public var role: Role
  /// The token's public id (the part after `impact_`), `nil` for a certificate.
  public var tokenID: String?
  public var createdAt: Date
  /// When it was revoked; a revoked credential is kept for the audit but accepted no more.
  public var revokedAt: Date?

  public init(kind: Kind, name: String, role: Role, tokenID: String?, createdAt: Date, revokedAt: Date?) {
    self.kind = kind
    self.name = name
    self.role = role
    self.tokenID = tokenID
    self.createdAt = createdAt
    self.revokedAt = revokedAt
  }

  /// The principal this credential makes.
  public var principal: Principal {
    Principal(name: name, role: role, proof: kind == .token ? .token : .certificate)
  }
}

extension StoredCredential {
  /// A new token for `name`, after checking the name, as either store keeps it; the token's
  /// ``BearerToken/text`` is the only copy of its secret.
  /// - Throws: ``AccessAdministrationError/invalidName(_:reason:)``.
  package static func newToken(name: String, role: Role, at date: Date) throws -> (BearerToken, StoredCredential) {
    try CredentialStore.checkName(name)
    let token = BearerToken.generate()
    let credential = StoredCredential(
      kind: .token, name: name, role: role, tokenID: token.id, createdAt: StoredTimestamp.normalized(date),
      revokedAt: nil)
    return (token, credential)
  }

  /// A new grant of `role` to a certificate subject, after checking the subject.
  /// - Throws: ``AccessAdministrationError/invalidName(_:reason:)``.
  package static func newCertificateGrant(subject: String, role: Role, at date: Date) throws -> StoredCredential {
    try CredentialStore.checkName(subject)
    return StoredCredential(
      kind: .certificate, name: subject, role: role, tokenID: nil, createdAt: StoredTimestamp.normalized(date),
      revokedAt: nil)
  }
}
