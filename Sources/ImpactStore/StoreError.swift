public import Analytics
import ImpactStorage

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
  /// A framework would leave outcomes naming an impact it lacks (FAILED_PRECONDITION).
  case frameworkIncompatible(ValidationError)
  /// An upsert whose document was made with another scheme than the active one
  /// (FAILED_PRECONDITION).
  case schemeDiffers(document: String, active: String)
  /// The client's `expected_revision` is not the current one (FAILED_PRECONDITION).
  case revisionMismatch(expected: Int64, actual: Int64)
  /// The request is larger than the daemon accepts (RESOURCE_EXHAUSTED).
  case tooLarge(String)
  /// An import would replace ratings or observed values recorded after the document was made
  /// (FAILED_PRECONDITION); the projects list only those values.
  case newerThanDocument([ImportedProject], safeguards: ImportSafeguards)
  /// A replacement would delete more than half of the stored projects without the caller's
  /// confirmation (FAILED_PRECONDITION).
  case largeDeletion(deleted: Int, stored: Int)
  /// A streamed import, which holds the portfolio's writes while its projects arrive, received
  /// nothing for this long and was rolled back (ABORTED).
  case importStalled(seconds: Int)

  public var description: String {
    switch self {
    case .projectNotFound(let id): "project '\(id)' not found"
    case .outcomeNotFound(let projectID, let outcomeID): "outcome '\(outcomeID)' of project '\(projectID)' not found"
    case .projectExists(let id): "project '\(id)' already exists"
    case .invalid(let error): error.description
    case .invalidScheme(let error): error.description
    case .schemeIncompatible(let error): "the scheme would leave projects invalid: \(error.description)"
    case .frameworkIncompatible(let error):
      "the framework lacks impacts that outcomes name (link them to another impact first): \(error.description)"
    case .schemeDiffers(let document, let active):
      "the document was made with scheme '\(document)', which differs from the active scheme '\(active)': "
        + "import it with mode REPLACE to adopt its scheme with its projects, set the scheme first "
        + "with SetScheme, or remove the document's scheme"
    case .revisionMismatch(let expected, let actual):
      "expected revision \(expected) but the portfolio is at revision \(actual)"
    case .tooLarge(let message): message
    case .newerThanDocument(let projects, let safeguards):
      Self.newerWorkMessage(projects, safeguards: safeguards)
    case .largeDeletion(let deleted, let stored):
      "the import would delete \(deleted) of the \(stored) stored projects, more than half: "
        + "confirm with confirm_large_deletion (impact import --replace --yes)"
    case .importStalled(let seconds):
      "the import stream sent nothing for \(seconds) s while it held the portfolio's writes: "
        + "it was rolled back, and nothing changed"
    }
  }

  /// Names every project and value (up to a few dozen) that the import would undo.
  private static func newerWorkMessage(_ projects: [ImportedProject], safeguards: ImportSafeguards) -> String {
    let document: String
    if let revision = safeguards.documentRevision {
      document = "the document (revision \(revision))"
    } else if let time = safeguards.documentTime {
      document = "the document (made \(StoredTimestamp.text(time)))"
    } else {
      document = "the document (which carries no revision or date)"
    }
    let shown = projects.prefix(20).map { project in
      "project \(project.projectID): "
        + project.replaced.map { value in
          let what: String
          switch value.kind {
          case .rating(let criterion, let rater): what = "rating \(criterion) by \(rater)"
          case .actual(let outcomeID): what = "observed value of outcome \(outcomeID)"
          case .amount: what = "amount"
          }
          let when = value.recorded.map { " (revision \($0.revision), \(StoredTimestamp.text($0.at)))" } ?? ""
          return what + when
        }.joined(separator: ", ")
    }
    let more = projects.count > 20 ? "; and \(projects.count - 20) more projects" : ""
    return "the import would undo work newer than \(document): " + shown.joined(separator: "; ") + more
      + "; export again and re-apply your changes, or set overwrite_newer (impact import --overwrite-newer)"
  }
}
