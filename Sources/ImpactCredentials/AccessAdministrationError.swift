/// Why a credential could not be created, listed or revoked.
public enum AccessAdministrationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Not one of viewer, analyst, editor, admin.
  case unknownRole(String)
  /// A token name or certificate subject that is empty, too long or has control characters.
  case invalidName(String, reason: InvalidNameReason)
  /// An active credential already has this name.
  case nameTaken(String)
  /// No active credential has this name.
  case notFound(String)

  public var description: String {
    switch self {
    case .unknownRole(let text):
      "unknown role '\(text)'; expected one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"
    case .invalidName(let name, let reason):
      "invalid name '\(name)': \(reason.description)"
    case .nameTaken(let name):
      "an active credential is already named '\(name)'; revoke it first or choose another name"
    case .notFound(let name):
      "no active credential named '\(name)'"
    }
  }
}

/// Why a token name or certificate subject is refused; `rawValue` ends its catalogue key
/// (`impactd.credential.invalid-name.empty`).
public enum InvalidNameReason: String, Sendable, Hashable, CustomStringConvertible {
  case empty
  case tooLong = "too-long"
  case controlCharacters = "control-characters"
  case surroundingSpace = "surrounding-space"

  /// In English, for logs and tests.
  public var description: String {
    switch self {
    case .empty: "it is empty"
    case .tooLong: "longer than 256 characters"
    case .controlCharacters: "it contains control characters"
    case .surroundingSpace: "it starts or ends with a space"
    }
  }
}
