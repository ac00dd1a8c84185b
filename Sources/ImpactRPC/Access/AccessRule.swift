public import ImpactCredentials

/// What an RPC asks of its caller.
public enum AccessRule: Sendable, Hashable, CustomStringConvertible {
  /// Anyone, even without credentials (health checks).
  case open
  /// A caller whose role is at least this one.
  case role(Role)

  public var description: String {
    switch self {
    case .open: "open"
    case .role(let role): role.rawValue
    }
  }
}
