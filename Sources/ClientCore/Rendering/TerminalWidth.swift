import Foundation

/// The width tables are laid out to: `COLUMNS` when it holds a positive number (scripts and
/// tests pin it), else the size of the terminal standard output is, else the size of the
/// terminal standard error is (`impact compare … | head` or `| less` in a terminal: the lines
/// still end up on that screen), else 100 (a pipe or a file read by no screen).
enum TerminalWidth {
  /// The width when standard output is not a terminal and `COLUMNS` is unset.
  static let fallback = 100

  static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
    if let text = environment["COLUMNS"]?.trimmingCharacters(in: .whitespaces), let columns = Int(text), columns > 0 {
      return columns
    }
    for descriptor in [STDOUT_FILENO, STDERR_FILENO] where isatty(descriptor) == 1 {
      var size = winsize()
      if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
    }
    return fallback
  }
}
