import Foundation

/// Writes to the process's standard output and error without buffering, so that lines reach
/// pipes at once (scripts read `impact watch` line by line).
enum StandardStreams {
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func writeLine(_ text: String) {
    write(text.hasSuffix("\n") ? text : text + "\n")
  }

  /// Writes a message on stderr, its control and bidirectional characters shown visibly
  /// (``TerminalText``, line breaks kept): messages echo names and the daemon's own words.
  static func writeError(_ text: String) {
    let safe = TerminalText.escaped(text, keepingLineBreaks: true)
    FileHandle.standardError.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
  }

  /// Whether human output may use ANSI styles: stdout is a terminal and NO_COLOR is unset.
  static var allowsColour: Bool {
    let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return !noColour && isatty(STDOUT_FILENO) == 1
  }
}
