/// Reads typed cells out of the rows of a ``CSVTable`` by column name, collecting every problem
/// with file, line, column number and column name.
final class CSVFieldReader {
  private(set) var issues: [FormatIssue] = []

  func report(
    _ message: String, source: String, line: Int, column: Int? = nil, columnName: String? = nil,
    path: String? = nil, key: String? = nil, values: [String: String] = [:]
  ) {
    guard issues.count < JSONFieldReader.maximumIssues else { return }
    issues.append(
      FormatIssue(
        source: source, line: line, column: column, columnName: columnName, path: path,
        message: message, key: key, values: values))
  }

  /// Checks the header against the known columns: each known at most once, the required ones
  /// present. `accepts` decides extra names (risk columns). Returns column indexes by name.
  func columns(
    of table: CSVTable, known: [String], required: [String],
    accepts: (String) -> Bool = { _ in false }
  )
    -> [String: Int]
  {
    var indexes: [String: Int] = [:]
    for (offset, name) in table.header.enumerated() {
      if !known.contains(name) && !accepts(name) {
        report(
          "unknown column \"\(name)\" (expected: \(known.joined(separator: ", ")))",
          source: table.source, line: table.headerLine, column: offset + 1, columnName: name,
          key: "format.csv.unknown_column", values: ["name": name, "expected": known.joined(separator: ", ")])
      } else if indexes[name] != nil {
        report(
          "column \"\(name)\" appears twice", source: table.source, line: table.headerLine,
          column: offset + 1, columnName: name, key: "format.csv.duplicate_column", values: ["name": name])
      } else {
        indexes[name] = offset
      }
    }
    for name in required where indexes[name] == nil {
      report(
        "missing required column \"\(name)\"", source: table.source, line: table.headerLine,
        key: "format.csv.missing_column", values: ["name": name])
    }
    return indexes
  }
}

/// One row of a table, read by column name; an empty cell is an absent value.
struct CSVRowFields {
  let table: CSVTable
  let row: CSVTable.Row
  let columns: [String: Int]
  let reader: CSVFieldReader
  /// The logical path of the row's values in messages (`projects[p1]`).
  var path: String

  var line: Int { row.line }

  func report(_ message: String, column name: String, key: String? = nil, values: [String: String] = [:]) {
    let index = columns[name]
    let line = index.map { row.cells[$0].line } ?? row.line
    var values = values
    values["name"] = name
    reader.report(
      message, source: table.source, line: line, column: index.map { $0 + 1 },
      columnName: index == nil ? nil : name,
      path: "\(path).\(name)", key: key, values: values)
  }

  /// The cell's text; `nil` when the column is absent or the cell empty.
  func string(_ name: String, required: Bool = false) -> String? {
    if let index = columns[name], !row.cells[index].text.isEmpty { return row.cells[index].text }
    if required { report("\(name) is required", column: name, key: "format.csv.required") }
    return nil
  }

  /// Columns of euros, which a spreadsheet's currency format writes as `380 000,00 €`.
  static let euroColumns: Set<String> = ["amount", "financial_proxy"]
  /// Columns of fractions of 1, which a spreadsheet's percentage format writes as `60,00 %`.
  static let fractionColumns: Set<String> = [
    "share", "drop_off", "deadweight", "attribution", "displacement", "survey_very_much", "survey_slightly",
  ]

  /// A number as people type it (``DecimalText``): `380 000`, `12,5`, `380.000,50`; the
  /// table's decimal mark settles `1,234`. As spreadsheets format them, euros may end with
  /// `€` or `EUR`, and fractions with `%` (`60 %` is 0.6).
  func double(_ name: String, required: Bool = false) -> Double? {
    guard let text = string(name, required: required) else { return nil }
    var number = Substring(text.trimmingSpaces())
    var percent = false
    if Self.euroColumns.contains(name) {
      for unit in ["€", "EUR", "eur"] where number.hasSuffix(unit) {
        number = number.dropLast(unit.count)
        break
      }
    } else if Self.fractionColumns.contains(name), number.hasSuffix("%") {
      number = number.dropLast()
      percent = true
    }
    do {
      let value = try DecimalText.parse(String(number), decimalSeparator: table.decimalSeparator)
      return percent ? value / 100 : value
    } catch var error {
      error.text = text
      report("\(name) \(error)", column: name, key: error.catalogueKey, values: error.catalogueValues)
      return nil
    }
  }

  func int(_ name: String, required: Bool = false) -> Int? {
    guard let text = string(name, required: required), let value = double(name) else { return nil }
    guard value.rounded() == value, abs(value) <= 9_007_199_254_740_992 else {
      report(
        "\(name) \"\(text)\" must be an integer", column: name, key: "format.csv.integer",
        values: ["text": text])
      return nil
    }
    return Int(value)
  }

  func bool(_ name: String) -> Bool? {
    guard let text = string(name) else { return nil }
    switch text.trimmingSpaces().lowercased() {
    case "true", "1": return true
    case "false", "0": return false
    default:
      report(
        "\(name) \"\(text)\" must be true or false", column: name, key: "format.csv.boolean",
        values: ["text": text])
      return nil
    }
  }

  func enumeration<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) -> T?
  where T.RawValue == String {
    guard let text = string(name) else { return nil }
    if let value = T(rawValue: text.trimmingSpaces()) { return value }
    let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
    report(
      "\(name) \"\(text)\" is not one of: \(allowed)", column: name, key: "format.csv.enumeration",
      values: ["text": text, "allowed": allowed])
    return nil
  }
}
