import GRPCCore
import Localization

/// The exit codes of `impact`, stable so that scripts can branch on them. They follow the
/// BSD `sysexits.h` values where one fits.
public struct ExitStatus: Sendable, Hashable, CustomStringConvertible {
  /// The process exit code.
  public let code: Int32
  /// What the code means, as documented in `impact --help` and docs/cli.md (`\n` where the
  /// help text breaks the line).
  public let meaning: String

  /// The command did what was asked.
  public static let ok = ExitStatus(code: 0, meaning: "success")
  /// Any other failure: an internal or unknown server error, a cancelled call.
  public static let failure = ExitStatus(code: 1, meaning: "other error (INTERNAL, UNKNOWN, ...)")
  /// Bad command-line arguments (ArgumentParser's validation code).
  public static let usage = ExitStatus(code: 64, meaning: "usage error: bad arguments or options")
  /// The input was refused: INVALID_ARGUMENT, ALREADY_EXISTS, FAILED_PRECONDITION (such as an
  /// `--expected-revision` mismatch), OUT_OF_RANGE, or a local file that cannot be read.
  public static let invalidInput = ExitStatus(
    code: 65,
    meaning:
      "invalid input: INVALID_ARGUMENT, ALREADY_EXISTS, FAILED_PRECONDITION\n(such as a revision mismatch), OUT_OF_RANGE, or an unreadable file"
  )
  /// A project, outcome or other resource does not exist (NOT_FOUND), or a certificate or key
  /// file named by --ca, --cert or --key cannot be read (EX_NOINPUT).
  public static let notFound = ExitStatus(
    code: 66, meaning: "not found: NOT_FOUND, or a --ca, --cert or --key file that cannot be read")
  /// The daemon cannot be reached, what answers is not a gRPC server, it is not serving, did
  /// not answer within `--timeout`, or the TLS handshake failed.
  public static let unavailable = ExitStatus(
    code: 69,
    meaning:
      "unavailable: cannot connect, not a gRPC server, TLS handshake failed,\nnot serving, UNAVAILABLE, DEADLINE_EXCEEDED (no answer within --timeout)"
  )
  /// The daemon is out of a resource (RESOURCE_EXHAUSTED): retry later.
  public static let resourceExhausted = ExitStatus(code: 75, meaning: "temporary failure: RESOURCE_EXHAUSTED")
  /// The token is missing or wrong (UNAUTHENTICATED) or does not allow the call (PERMISSION_DENIED).
  public static let permissionDenied = ExitStatus(
    code: 77, meaning: "permission denied: UNAUTHENTICATED, PERMISSION_DENIED")

  /// Every status, in code order, for the help text and the documentation.
  public static let all: [ExitStatus] = [
    .ok, .failure, .usage, .invalidInput, .notFound, .unavailable, .resourceExhausted, .permissionDenied,
  ]

  /// The status a gRPC status code maps to.
  init(rpcCode: RPCError.Code) {
    switch rpcCode {
    case .invalidArgument, .alreadyExists, .failedPrecondition, .outOfRange: self = .invalidInput
    case .notFound: self = .notFound
    case .unavailable, .deadlineExceeded: self = .unavailable
    case .resourceExhausted: self = .resourceExhausted
    case .permissionDenied, .unauthenticated: self = .permissionDenied
    default: self = .failure
    }
  }

  private init(code: Int32, meaning: String) {
    self.code = code
    self.meaning = meaning
  }

  public var description: String { "\(code)" }

  /// What the code means in the language of `l`, for `impact --help`.
  func meaning(_ l: Localizer) -> String {
    switch code {
    case 0: l("help.exit.0")
    case 1: l("help.exit.1")
    case 64: l("help.exit.64")
    case 65: l("help.exit.65")
    case 66: l("help.exit.66")
    case 69: l("help.exit.69")
    case 75: l("help.exit.75")
    case 77: l("help.exit.77")
    default: meaning
    }
  }

  /// The table of codes printed at the end of `impact --help`, in the help's language.
  static var helpTable: String {
    let l = HelpText.language.localizer
    return all.map { status in
      let code = String(status.code)
      let lines = status.meaning(l).split(separator: "\n").joined(separator: "\n      ")
      return "  " + code + String(repeating: " ", count: max(1, 4 - code.count)) + lines
    }.joined(separator: "\n")
  }
}
