/// Writes rows of cells as RFC 4180 CSV text with CRLF line breaks, quoting only the cells
/// that need it.
struct CSVWriter {
  let separator: Character

  /// A number in its shortest exact form; with `;` as separator, with a decimal comma as
  /// French spreadsheets expect. Absent is an empty cell.
  func number(_ value: Double?) -> String {
    guard let value else { return "" }
    let text = JSONOutput.numberText(value)
    return separator == ";" ? String(text.map { $0 == "." ? "," : $0 }) : text
  }

  func table(_ rows: [[String]]) -> String {
    rows.map { $0.map(cell).joined(separator: String(separator)) + "\r\n" }.joined()
  }

  private func cell(_ text: String) -> String {
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
