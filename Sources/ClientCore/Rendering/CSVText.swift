import Analytics

/// A table as CSV through the one ``CSVWriter`` of the project: RFC 4180 quoting, CRLF line
/// ends, the header row by CSV names, and numbers without binary noise in the dialect's
/// decimal mark (`62999.99999999999` is written `63000`; `12.5` is `12,5` with `--excel`).
enum CSVText {
  static func render(_ table: Table, dialect: CSVDialect = .standard) -> String {
    let writer = CSVWriter(dialect)
    var rows = [table.columns.map { $0.csvName ?? $0.header }]
    for row in table.rows { rows.append(row.map { number($0.csv, writer) }) }
    return writer.table(rows)
  }

  /// `text` rewritten by `writer` when it is a decimal number, or a space-separated list of
  /// them (a scheme's weights); other text as it is. Integers stay as written: `007` may be
  /// an id.
  static func number(_ text: String, _ writer: CSVWriter) -> String {
    guard text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return text }
    let parts = text.split(separator: " ", omittingEmptySubsequences: false)
    var written: [String] = []
    for part in parts {
      guard isDecimalLiteral(part), let value = Double(part) else { return text }
      written.append(writer.number(value))
    }
    return written.joined(separator: " ")
  }

  /// `-12.5`, `1e-07`, `3.0E+20`: what `NumberStyle.raw` and Swift print, nothing else.
  private static func isDecimalLiteral(_ text: Substring) -> Bool {
    var rest = text.drop { $0 == "-" }
    guard rest.count >= text.count - 1, let first = rest.first, first.isASCII, first.isNumber else {
      return false
    }
    rest = rest.drop { $0.isASCII && $0.isNumber }
    if rest.first == "." {
      rest = rest.dropFirst()
      let before = rest.count
      rest = rest.drop { $0.isASCII && $0.isNumber }
      guard rest.count < before else { return false }
    }
    if rest.first == "e" || rest.first == "E" {
      rest = rest.dropFirst()
      rest = rest.drop { $0 == "+" || $0 == "-" }
      let before = rest.count
      rest = rest.drop { $0.isASCII && $0.isNumber }
      guard rest.count < before else { return false }
    }
    return rest.isEmpty
  }
}
