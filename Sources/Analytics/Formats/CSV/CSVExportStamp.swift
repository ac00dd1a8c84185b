public import Foundation

/// The small fourth table `impact export --format csv` writes beside the three others,
/// `export.csv`: the format, the revision the tables were exported at and when. CSV tables
/// carry no revision of their own, and a file's modification time says nothing (Excel changes
/// it on every save), so without this table an import cannot tell what was recorded after the
/// export.
///
/// ```
/// format,revision,exported_at
/// impact-csv/1,12,2026-11-28T07:46:00Z
/// ```
public struct CSVExportStamp: Sendable, Hashable {
  /// The value of the `format` column.
  public static let format = "impact-csv/1"
  /// The file name `impact export` gives the table.
  public static let fileName = "export.csv"
  static let columns = ["format", "revision", "exported_at"]

  public var revision: Int64
  public var exportedAt: Date?

  public init(revision: Int64, exportedAt: Date?) {
    self.revision = revision
    self.exportedAt = exportedAt
  }

  /// The table's text in `dialect` (the dialect of the three others).
  public func encode(dialect: CSVDialect) -> String {
    let time = exportedAt.map { $0.formatted(.iso8601) } ?? ""
    return CSVWriter(dialect).document([Self.columns, [Self.format, String(revision), time]])
  }

  /// Whether a header row, lowercased and split, is this table's.
  public static func isHeader(_ names: Set<String>) -> Bool {
    names.contains("format") && names.contains("revision") && names.contains("exported_at")
  }

  /// Reads the table; `source` names it in errors.
  /// - Throws: ``FormatError`` naming the file, line and column of a missing column, a row
  ///   count other than one, an unknown format or a revision or date that does not read.
  public static func decode(_ text: String, source: String) throws(FormatError) -> CSVExportStamp {
    let table = try CSVParser.parse(Array(text.utf8), source: source)
    func failure(_ message: String, line: Int, column: String? = nil) -> FormatError {
      let index = column.flatMap { table.header.firstIndex(of: $0) }
      return FormatError(
        FormatIssue(
          source: source, line: line, column: index.map { $0 + 1 }, columnName: column, message: message))
    }
    for name in columns where !table.header.contains(name) {
      throw failure("missing required column \"\(name)\"", line: table.headerLine)
    }
    guard table.rows.count == 1, let row = table.rows.first else {
      throw failure("expected one row after the header, found \(table.rows.count)", line: table.headerLine)
    }
    func cell(_ name: String) -> String {
      row.cells[table.header.firstIndex(of: name)!].text.trimmingSpaces()
    }
    guard cell("format") == format else {
      throw failure("unknown format \"\(cell("format"))\" (expected \(format))", line: row.line, column: "format")
    }
    guard let revision = Int64(cell("revision")), revision >= 0 else {
      throw failure("revision \"\(cell("revision"))\" is not a whole number", line: row.line, column: "revision")
    }
    var exportedAt: Date?
    if !cell("exported_at").isEmpty {
      guard let date = try? Date(cell("exported_at"), strategy: .iso8601) else {
        throw failure(
          "exported_at \"\(cell("exported_at"))\" is not an ISO 8601 date (2026-11-28T07:46:00Z)", line: row.line,
          column: "exported_at")
      }
      exportedAt = date
    }
    return CSVExportStamp(revision: revision, exportedAt: exportedAt)
  }
}
