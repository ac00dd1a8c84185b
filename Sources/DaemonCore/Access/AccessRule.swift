/// What an RPC asks of its caller.
public enum AccessRule: Sendable, Hashable, CustomStringConvertible {
  /// Anyone, even without credentials (health checks).
  case open
  /// A caller whose role is at least this one.
  case role(Role)

  /// Whether a caller with `role` may call.
  public func allows(_ role: Role) -> Bool {
    switch self {
    case .open: true
    case .role(let needed): role >= needed
    }
  }

  public var description: String {
    switch self {
    case .open: "open"
    case .role(let role): role.rawValue
    }
  }
}
