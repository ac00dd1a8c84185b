import Foundation

/// RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled, CRLF
/// line ends.
enum CSVText {
  static func render(_ table: Table) -> String {
    var lines = [table.columns.map { field($0.header) }.joined(separator: ",")]
    for row in table.rows { lines.append(row.map { field($0.csv) }.joined(separator: ",")) }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  static func field(_ value: String) -> String {
    let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    guard needsQuotes else { return value }
    return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
