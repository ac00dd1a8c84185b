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
