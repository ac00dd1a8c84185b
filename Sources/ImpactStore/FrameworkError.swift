/// Why a framework request cannot be answered.
public enum FrameworkError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No framework is set yet (NOT_FOUND for a read, FAILED_PRECONDITION for a check).
  case noFramework(forCheck: Bool)
  /// No framework has this version (NOT_FOUND).
  case versionNotFound(Int64, latest: Int64)
  /// The stored framework does not read with this daemon (FAILED_PRECONDITION).
  case unreadable(version: Int64, problem: String)

  public var description: String {
    switch self {
    case .noFramework:
      "no framework is set: an admin sets one with impact framework set FILE"
    case .versionNotFound(let version, let latest):
      "no framework has version \(version); versions run from 1 to \(latest)"
    case .unreadable(let version, let problem):
      "the stored framework (version \(version)) does not read with this daemon: \(problem); set a new one"
    }
  }
}
