public import Analytics

/// Why the store refused a request. Each case maps to one gRPC status code in the RPC layer.
public enum StoreError: Error, Sendable, CustomStringConvertible {
  /// The project does not exist (NOT_FOUND).
  case projectNotFound(String)
  /// The outcome does not exist in the project (NOT_FOUND).
  case outcomeNotFound(projectID: String, outcomeID: String)
  /// A project with this id already exists (ALREADY_EXISTS).
  case projectExists(String)
  /// The input breaks the method's rules (INVALID_ARGUMENT); every problem is listed.
  case invalid(ValidationError)
  /// A scheme document breaks a rule (INVALID_ARGUMENT).
  case invalidScheme(SchemeError)
  /// A change would leave projects invalid under a new scheme (FAILED_PRECONDITION).
  case schemeIncompatible(ValidationError)
  /// An upsert whose document was made with another scheme than the active one
  /// (FAILED_PRECONDITION).
  case schemeDiffers(document: String, active: String)
  /// The client's `expected_revision` is not the current one (FAILED_PRECONDITION).
  case revisionMismatch(expected: Int64, actual: Int64)
  /// The request is larger than the daemon accepts (RESOURCE_EXHAUSTED).
  case tooLarge(String)

  public var description: String {
    switch self {
    case .projectNotFound(let id): "project '\(id)' not found"
    case .outcomeNotFound(let projectID, let outcomeID): "outcome '\(outcomeID)' of project '\(projectID)' not found"
    case .projectExists(let id): "project '\(id)' already exists"
    case .invalid(let error): error.description
    case .invalidScheme(let error): error.description
    case .schemeIncompatible(let error): "the scheme would leave projects invalid: \(error.description)"
    case .schemeDiffers(let document, let active):
      "the document was made with scheme '\(document)', which differs from the active scheme '\(active)': "
        + "import it with mode REPLACE to adopt its scheme with its projects, set the scheme first "
        + "with SetScheme, or remove the document's scheme"
    case .revisionMismatch(let expected, let actual): "expected revision \(expected) but the portfolio is at revision \(actual)"
    case .tooLarge(let message): message
    }
  }
}
