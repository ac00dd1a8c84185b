/// A failure `impact` reports on stderr as `impact: <message>` before exiting with `status`.
public struct CommandFailure: Error, Sendable, CustomStringConvertible {
  /// The exit status the failure ends the process with.
  public var status: ExitStatus
  /// What went wrong, in English, naming the file, field or value when there is one. Setting it
  /// replaces the catalogue text: the new words are what will be printed.
  public var message: String {
    didSet { text = nil }
  }
  /// The catalogue text of the failure, printed in the reader's language; nil for words that
  /// come already written (the daemon's messages, a library's error).
  public private(set) var text: CatalogueText?

  public init(_ status: ExitStatus, _ message: String) {
    self.status = status
    self.message = message
  }

  /// A failure worded by the catalogues: `CommandFailure(.invalidInput, .l("error.file.missing", ["path": path]))`.
  public init(_ status: ExitStatus, _ text: CatalogueText) {
    self.status = status
    self.message = text.text(.en)
    self.text = text
  }

  public var description: String { message }

  /// The message in `language`.
  func message(in language: DisplayLanguage) -> String {
    text?.text(language) ?? message
  }

  /// A local file that cannot be read, for a reason in the system's words.
  static func unreadable(_ path: String, _ reason: String) -> CommandFailure {
    CommandFailure(.invalidInput, .l("error.file.unreadable", ["path": path, "reason": reason]))
  }
}
