private import Foundation

/// Writes rows of cells as RFC 4180 CSV text in a ``CSVDialect``, with CRLF line breaks,
/// quoting only the cells that need it. Every CSV file and output of the project goes through
/// it: the exported tables and the `--output csv` of every command.
public struct CSVWriter: Sendable {
  public let dialect: CSVDialect

  public init(_ dialect: CSVDialect = .standard) {
    self.dialect = dialect
  }

  /// Most significant digits a CSV number keeps: the precision of a double. Every decimal
  /// number a person types (15 digits or fewer) comes back exactly, and the binary noise of
  /// arithmetic goes (`62999.99999999999` is written `63000`, `72.49999999999999` `72.5`).
  /// JSON keeps full precision.
  public static let significantDigits = 15

  /// A number in its shortest form at ``significantDigits``, with the dialect's decimal mark;
  /// absent is an empty cell. The same digits in every dialect: `3.552` is `3,552` with a
  /// decimal comma (a reader of such a file groups thousands with spaces, never commas).
  public func number(_ value: Double?) -> String {
    guard let value else { return "" }
    let text = Self.numberText(value)
    guard dialect.decimalComma else { return text }
    return text.replacingOccurrences(of: ".", with: ",")
  }

  /// `value` rounded to ``significantDigits`` and printed in its shortest round-trip form
  /// with a decimal point: `63000`, `0.3`, `1e-07`; integers without `.0`.
  public static func numberText(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "Infinity" : "-Infinity") }
    let rounded = Self.rounded(value)
    if rounded == rounded.rounded(), abs(rounded) < 1e15 {
      return String(Int64(rounded))
    }
    return "\(rounded)"
  }

  /// `value` at ``significantDigits`` significant digits.
  static func rounded(_ value: Double) -> Double {
    guard value != 0, value.isFinite else { return value }
    return Double(String(format: "%.\(significantDigits)g", value)) ?? value
  }

  /// The rows as CSV text, without a byte order mark (see ``document(_:)``).
  public func table(_ rows: [[String]]) -> String {
    rows.map { $0.map(cell).joined(separator: String(dialect.separator)) + "\r\n" }.joined()
  }

  /// The rows as the text of a whole file: with the dialect's byte order mark.
  public func document(_ rows: [[String]]) -> String {
    (dialect.byteOrderMark ? CSVDialect.byteOrderMarkText : "") + table(rows)
  }

  /// A cell, neutralised against formula injection (``CSVFormulaGuard``: text starting with
  /// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`; plain numbers do not),
  /// then quoted when it holds the separator, a quote or a line break, or starts or ends with
  /// a space a spreadsheet would trim.
  public func cell(_ text: String) -> String {
    let text = CSVFormulaGuard.neutralised(text)
    let separator = dialect.separator
    let needsQuotes =
      text.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      || text.first == " " || text.last == " "
    guard needsQuotes else { return text }
    var quoted = "\""
    for character in text {
      quoted.append(character)
      if character == "\"" { quoted.append("\"") }
    }
    return quoted + "\""
  }
}
