/// A CSV file split into a header and rows, each cell knowing the line it starts on.
struct CSVTable {
  struct Cell {
    var text: String
    var line: Int
  }

  struct Row {
    /// The line the row starts on (a quoted cell may span several lines).
    var line: Int
    var cells: [Cell]
  }

  var source: String
  var separator: UInt8
  var header: [String]
  var headerLine: Int
  var rows: [Row]
  /// The decimal mark of the table's numbers when known (``decimalSeparator(numberColumns:)``),
  /// which settles numbers such as `1,234`.
  var decimalSeparator: Character?

  /// The decimal mark the numbers of these columns use: `.` in a `,`-separated table. In a
  /// `;`-separated one, a spreadsheet's, `,` unless some number has a decimal point that
  /// cannot be a thousands separator (`12.5`) and none has such a comma; the same in a
  /// tab-separated one, which Excel writes as "Unicode Text" with the locale's decimal mark.
  func decimalSeparator(numberColumns: [Int]) -> Character {
    guard separator == UInt8(ascii: ";") || separator == 0x09 else { return "." }
    var point = false
    var comma = false
    for row in rows {
      for column in numberColumns where column < row.cells.count {
        let text = row.cells[column].text
        if Self.hasDecimal(text, mark: ".") { point = true }
        if Self.hasDecimal(text, mark: ",") { comma = true }
      }
    }
    return point && !comma ? "." : ","
  }

  /// Whether `mark` appears once in `text` in a place no thousands separator could be.
  private static func hasDecimal(_ text: String, mark: Character) -> Bool {
    let parts = text.split(separator: mark, omittingEmptySubsequences: false)
    guard parts.count == 2 else { return false }
    let before = parts[0].filter(\.isNumber)
    let after = parts[1].prefix { $0.isNumber }
    return after.count != 3 || before.isEmpty || before.first == "0" || before.count > 3
  }
}

/// Splits CSV text (RFC 4180 quoting, CRLF or LF, optional UTF-8 byte order mark) into a
/// ``CSVTable``, taking the separator from the header line: the one of tab, `;` and `,` it has
/// most of outside quotes (`,` when it has none).
struct CSVParser {
  private let bytes: [UInt8]
  private let source: String
  private var index = 0
  private var line = 1

  private init(bytes: [UInt8], source: String) {
    self.bytes = bytes
    self.source = source
  }

  static func parse(_ bytes: [UInt8], source: String) throws(FormatError) -> CSVTable {
    var parser = CSVParser(bytes: bytes, source: source)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
    guard String(validating: bytes, as: UTF8.self) != nil else {
      throw parser.error(
        "the file is not UTF-8 text", line: parser.firstInvalidUTF8Line(), key: "format.csv.not_utf8")
    }
    let separator = parser.detectSeparator()
    var rows: [CSVTable.Row] = []
    while parser.index < bytes.count {
      let row = try parser.parseRow(separator: separator)
      // Blank lines (and the final line break) carry no data.
      if row.cells.count == 1 && row.cells[0].text.isEmpty { continue }
      rows.append(row)
    }
    guard let headerRow = rows.first else {
      throw parser.error("the file is empty: a header row is required", line: 1, key: "format.csv.empty")
    }
    let header = headerRow.cells.map { $0.text.trimmingSpaces().lowercased() }
    var table = CSVTable(
      source: source, separator: separator, header: header, headerLine: headerRow.line,
      rows: Array(rows.dropFirst()))
    for row in table.rows where row.cells.count != header.count {
      throw parser.error(
        "expected \(header.count) fields as in the header, found \(row.cells.count)", line: row.line,
        key: "format.csv.field_count",
        values: ["expected": String(header.count), "found": String(row.cells.count)])
    }
    table.rows = table.rows.filter { !$0.cells.allSatisfy { $0.text.isEmpty } }
    return table
  }

  private func error(
    _ message: String, line: Int, column: Int? = nil, key: String, values: [String: String] = [:]
  ) -> FormatError {
    FormatError(
      FormatIssue(source: source, line: line, column: column, message: message, key: key, values: values))
  }

  private func firstInvalidUTF8Line() -> Int {
    var lineStart = 0
    var line = 1
    for (offset, byte) in bytes.enumerated() where byte == 0x0A {
      if String(validating: bytes[lineStart...offset], as: UTF8.self) == nil { return line }
      line += 1
      lineStart = offset + 1
    }
    return line
  }

  private func detectSeparator() -> UInt8 {
    var commas = 0
    var semicolons = 0
    var tabs = 0
    var quoted = false
    var offset = index
    while offset < bytes.count {
      let byte = bytes[offset]
      if byte == UInt8(ascii: "\"") {
        quoted.toggle()
      } else if !quoted {
        if byte == 0x0A || byte == 0x0D { break }
        if byte == UInt8(ascii: ",") { commas += 1 }
        if byte == UInt8(ascii: ";") { semicolons += 1 }
        if byte == 0x09 { tabs += 1 }
      }
      offset += 1
    }
    if tabs > commas && tabs > semicolons { return 0x09 }
    return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
  }

  /// Reads one row and the line break that ends it.
  private mutating func parseRow(separator: UInt8) throws(FormatError) -> CSVTable.Row {
    let rowLine = line
    var cells: [CSVTable.Cell] = []
    while true {
      let cellLine = line
      var field: [UInt8] = []
      if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
        let quoteColumn = cells.count + 1
        index += 1
        while true {
          guard index < bytes.count else {
            throw error(
              "unterminated quoted field (opened on line \(cellLine))", line: cellLine,
              column: quoteColumn, key: "format.csv.unterminated", values: ["line": String(cellLine)])
          }
          let byte = bytes[index]
          if byte == UInt8(ascii: "\"") {
            if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
              field.append(byte)
              index += 2
              continue
            }
            index += 1
            break
          }
          if byte == 0x0A { line += 1 }
          if byte == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A) { line += 1 }
          field.append(byte)
          index += 1
        }
        if index < bytes.count && bytes[index] != separator && bytes[index] != 0x0A
          && bytes[index] != 0x0D
        {
          throw error(
            "unexpected text after the closing quote of field \(quoteColumn)", line: line,
            column: quoteColumn, key: "format.csv.after_quote", values: ["field": String(quoteColumn)])
        }
      } else {
        while index < bytes.count && bytes[index] != separator && bytes[index] != 0x0A
          && bytes[index] != 0x0D
        {
          field.append(bytes[index])
          index += 1
        }
      }
      // Undo the `'` the writer puts before a cell a spreadsheet would run as a formula.
      let text = CSVFormulaGuard.restored(String(decoding: field, as: UTF8.self))
      cells.append(CSVTable.Cell(text: text, line: cellLine))
      guard index < bytes.count else { break }
      let byte = bytes[index]
      index += 1
      if byte == separator { continue }
      // A line break ends the row: CRLF, LF, or a lone CR.
      if byte == 0x0D && index < bytes.count && bytes[index] == 0x0A { index += 1 }
      line += 1
      break
    }
    return CSVTable.Row(line: rowLine, cells: cells)
  }
}

extension String {
  /// Without leading and trailing spaces and tabs (spreadsheets sometimes pad numbers).
  func trimmingSpaces() -> String {
    var scalars = Substring(self)
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }
}
