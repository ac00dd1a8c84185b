/// Who is calling, as established by the access layer: the name written to the audit journal
/// and the role that decides what the caller may do.
public struct Principal: Sendable, Hashable, CustomStringConvertible {
  /// How the caller proved who they are.
  public enum Proof: String, Sendable, Hashable {
    /// A bearer token; ``Principal/name`` is the token's name.
    case token
    /// A verified client certificate; ``Principal/name`` is its subject.
    case certificate
    /// Nothing: authentication is off (a daemon on loopback).
    case none
  }

  /// The token name or certificate subject; `local` without authentication.
  public var name: String
  /// What the caller may do.
  public var role: Role
  /// How the caller was identified.
  public var proof: Proof

  public init(name: String, role: Role, proof: Proof) {
    self.name = name
    self.role = role
    self.proof = proof
  }

  /// The caller of a daemon that does not authenticate: anyone who can reach its loopback
  /// address, with every right.
  public static let local = Principal(name: "local", role: .admin, proof: .none)

  public var description: String { "\(name) (\(role))" }
}
