/// What a caller may do. Each role can do everything the roles below it can.
///
/// - viewer: the committee; reads scores, ranks, comparisons, the portfolio and its coverage.
/// - analyst: also what-if simulations, exports and the watch stream.
/// - editor: also changes projects, ratings and observations, and imports.
/// - admin: also the scheme, whole-portfolio replacement and the audit journal.
public enum Role: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
  case viewer
  case analyst
  case editor
  case admin

  private var rank: Int {
    switch self {
    case .viewer: 0
    case .analyst: 1
    case .editor: 2
    case .admin: 3
    }
  }

  public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

  public var description: String { rawValue }

  /// Parses a role name, naming the choices when it is not one.
  public init(parsing text: String) throws(AccessAdministrationError) {
    guard let role = Role(rawValue: text.lowercased()) else {
      throw .unknownRole(text)
    }
    self = role
  }
}
