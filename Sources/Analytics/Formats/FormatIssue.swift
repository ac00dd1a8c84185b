/// One problem found while reading a JSON or CSV document: where it is and what is wrong.
///
/// `line` and `column` are 1-based. In a CSV file `column` is the column number and
/// `columnName` its header; in a JSON document `path` is the key path
/// (`projects[1].outcomes[0].threshold`).
public struct FormatIssue: Sendable, Hashable, CustomStringConvertible {
  /// The file or document name the caller gave (`portfolio.json`, `outcomes.csv`).
  public var source: String
  public var line: Int?
  public var column: Int?
  /// The CSV header of `column`, when the problem is in a CSV cell.
  public var columnName: String?
  /// The JSON key path, or for CSV the logical path of the value (`projects[p1].amount`).
  public var path: String?
  public var message: String
  /// The catalogue key of the message (`format.csv.not_a_number`) and the values of its
  /// placeholders, so that a reader can say it in another language: `message` is English.
  /// Nil for messages not yet in the catalogues.
  public var key: String?
  public var values: [String: String]

  public init(
    source: String,
    line: Int? = nil,
    column: Int? = nil,
    columnName: String? = nil,
    path: String? = nil,
    message: String,
    key: String? = nil,
    values: [String: String] = [:]
  ) {
    self.source = source
    self.line = line
    self.column = column
    self.columnName = columnName
    self.path = path
    self.message = message
    self.key = key
    self.values = values
  }

  /// `source:line:column: path: message`, the shape compilers use so editors can jump to it.
  public var description: String {
    var location = source
    if let line {
      location += ":\(line)"
      if let column { location += ":\(column)" }
    }
    var text = location + ": "
    if let columnName { text += "column \(columnName): " }
    if let path, !path.isEmpty { text += "\(path): " }
    return text + message
  }
}
