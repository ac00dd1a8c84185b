/// A failure `impact` reports on stderr as `impact: <message>` before exiting with `status`.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
  /// The exit status the failure ends the process with.
  public var status: ExitStatus
  /// What went wrong, naming the file, field or value when there is one.
  public var message: String

  public init(_ status: ExitStatus, _ message: String) {
    self.status = status
    self.message = message
  }

  public var description: String { message }

  /// A local file that cannot be read or parsed.
  static func unreadable(_ path: String, _ reason: String) -> CommandFailure {
    CommandFailure(.invalidInput, "cannot read \(path): \(reason)")
  }
}
