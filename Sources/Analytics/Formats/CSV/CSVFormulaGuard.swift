/// Keeps spreadsheets from running CSV cells as formulas (CSV or "formula" injection), and
/// undoes it on reading so that an export imports back unchanged.
///
/// Excel, LibreOffice and Google Sheets take a cell that starts with `=`, `+`, `-` or `@` (and,
/// in some versions, a tab or a carriage return before them) for a formula:
/// `=HYPERLINK("http://…","Click")` or `+cmd|' /C calc'!A0` in a project name would run when
/// the file is opened. Following OWASP, ``neutralised(_:)`` prefixes such a cell with `'`,
/// which spreadsheets show as text and do not display. A cell that is a plain decimal number
/// (`-2.5`, `-1e-07`, `-12,5`) stays as it is: spreadsheets read it as a number, never as a
/// formula, and numeric columns must stay numbers.
///
/// The prefix is reversible: ``restored(_:)`` removes one `'` from a cell that starts with `'`
/// followed (after any further `'`) by one of those characters. So that text which already
/// starts that way comes back too, ``neutralised(_:)`` prefixes it as well: `'=x` is written
/// `''=x` and read back as `'=x`. Every other cell is written and read verbatim.
///
/// ```swift
/// CSVFormulaGuard.neutralised("=HYPERLINK(\"http://x\")")  // "'=HYPERLINK(\"http://x\")"
/// CSVFormulaGuard.neutralised("-2.5")                       // "-2.5"
/// CSVFormulaGuard.restored("'=HYPERLINK(\"http://x\")")     // "=HYPERLINK(\"http://x\")"
/// ```
public enum CSVFormulaGuard {
  /// The characters that make a spreadsheet read a cell as a formula when it starts with one.
  public static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

  /// The prefix that makes a spreadsheet read the cell as text.
  public static let prefix: Character = "'"

  /// `text` as a cell no spreadsheet runs: prefixed with `'` when it starts (after any `'`)
  /// with one of ``triggers`` and is not a plain number.
  public static func neutralised(_ text: String) -> String {
    guard startsDangerously(text), !isPlainNumber(text) else { return text }
    return String(prefix) + text
  }

  /// A cell as read from a file: without the `'` that ``neutralised(_:)`` added.
  public static func restored(_ text: String) -> String {
    guard text.first == prefix, startsDangerously(text) else { return text }
    return String(text.dropFirst())
  }

  /// Whether `text`, after any leading `'`, starts with one of ``triggers``.
  static func startsDangerously(_ text: String) -> Bool {
    guard let first = text.first(where: { $0 != prefix }) else { return false }
    return triggers.contains(first)
  }

  /// `-2.5`, `+3`, `-1e-07`, `-12,5`: an optional sign, digits, an optional decimal part
  /// with `.` or `,`, an optional exponent; nothing else.
  static func isPlainNumber(_ text: String) -> Bool {
    var rest = Substring(text)
    if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
    func digits() -> Bool {
      let before = rest.count
      rest = rest.drop { $0.isASCII && $0.isNumber }
      return rest.count < before
    }
    guard digits() else { return false }
    if rest.first == "." || rest.first == "," {
      rest = rest.dropFirst()
      guard digits() else { return false }
    }
    if rest.first == "e" || rest.first == "E" {
      rest = rest.dropFirst()
      if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
      guard digits() else { return false }
    }
    return rest.isEmpty
  }
}
