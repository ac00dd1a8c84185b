import Analytics
public import Logging

/// Makes a value safe for one line of the daemon's log: control characters (newline, carriage
/// return, escape, C1, bidirectional overrides) are written as escapes (`\n`, `\u{1B}`), so
/// that a client's text cannot start a forged line or act on the terminal reading the log,
/// and the value is cut at ``maximumCharacters`` with the number of characters left out.
///
/// A refusal listing a million problems thus logs its count and its first few, in one line.
public enum LogText {
  /// The longest value logged, in characters (Unicode scalars), before escaping.
  public static let maximumCharacters = 500

  /// `text` escaped and clipped.
  public static func safe(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard scalars.count > maximumCharacters else { return TextLimits.escaped(text) }
    let kept = String(String.UnicodeScalarView(scalars.prefix(maximumCharacters)))
    return TextLimits.escaped(kept) + "… (\(scalars.count - maximumCharacters) more characters)"
  }

  /// `text` as a log metadata value, escaped and clipped.
  public static func value(_ text: String) -> Logger.MetadataValue {
    .string(safe(text))
  }
}
