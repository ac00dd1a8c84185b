/// A table of the human and CSV outputs: a title, a header row and rows of cells.
struct Table: Sendable {
  /// How a column's values line up.
  enum Alignment: Sendable { case left, right }

  /// One column: its header, alignment, and whether long values may wrap to fit the width.
  struct Column: Sendable {
    var header: String
    var alignment: Alignment
    var truncatable: Bool
    /// The column's name in CSV, the same in every language; the header when nil.
    var csvName: String? = nil

    static func text(_ header: String, truncatable: Bool = false) -> Column {
      Column(header: header, alignment: .left, truncatable: truncatable)
    }

    static func number(_ header: String) -> Column {
      Column(header: header, alignment: .right, truncatable: false)
    }

    /// A text column whose header people read in their language and whose CSV name stays `csvName`.
    static func text(_ csvName: String, _ header: String, truncatable: Bool = false) -> Column {
      Column(header: header, alignment: .left, truncatable: truncatable, csvName: csvName)
    }

    /// A number column whose header people read in their language and whose CSV name stays `csvName`.
    static func number(_ csvName: String, _ header: String) -> Column {
      Column(header: header, alignment: .right, truncatable: false, csvName: csvName)
    }
  }

  var title: String?
  var columns: [Column]
  var rows: [[Cell]] = []
  /// Whether the header row is printed in human output (key/value lists have none).
  var showsHeader = true
  /// Whether the first column names the rows (`impact compare`'s figures): `--columns` keeps it
  /// first whatever columns it names.
  var firstColumnNamesRows = false
  /// Whether people read the table as one key–value block per column after the first when it
  /// cannot fit the terminal's width (`impact compare` of several projects at 80 columns).
  var blocksWhenNarrow = false

  init(title: String? = nil, columns: [Column], rows: [[Cell]] = []) {
    self.title = title
    self.columns = columns
    self.rows = rows
  }

  /// A two-column list of named values: `field,value` in CSV, `name  value` for people.
  static func fields(title: String? = nil, _ pairs: [(String, Cell)]) -> Table {
    var table = Table(title: title, columns: [.text("field"), .text("value", truncatable: true)])
    table.rows = pairs.map { [Cell($0.0), $0.1] }
    table.showsHeader = false
    return table
  }

  mutating func append(_ row: [Cell]) { rows.append(row) }
}
