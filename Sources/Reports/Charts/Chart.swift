internal import Localization

/// One chart of a report: its SVG, what it shows in words (`<title>`, `<desc>`), and its
/// numbers as a table, shown beside it in a `<details>` element and written to `--data`.
public struct Chart: Sendable {
  /// A stable identifier (`heatmap`, `ranking`), unique in a report; the JSON data's key.
  public var id: String
  /// The chart's title.
  public var title: String
  /// What the chart shows, for readers who cannot see it (the SVG's `<desc>`).
  public var description: String
  /// The inline SVG, with its `<title>` and `<desc>`.
  public var svg: String
  /// The chart's numbers.
  public var table: DataTable
  /// A remark printed under the chart (an aggregation, an empty selection).
  public var note: String?

  public init(id: String, title: String, description: String, svg: String, table: DataTable, note: String? = nil) {
    self.id = id
    self.title = title
    self.description = description
    self.svg = svg
    self.table = table
    self.note = note
  }
}

/// A chart's numbers: named columns and rows of cells.
public struct DataTable: Sendable, Codable, Equatable {
  public var columns: [String]
  public var rows: [[DataCell]]

  public init(columns: [String], rows: [[DataCell]] = []) {
    self.columns = columns
    self.rows = rows
  }
}

/// A cell of a ``DataTable``: a text, or a number with how the reader sees it. The JSON data
/// keeps the full-precision number; the page shows `display`.
public enum DataCell: Sendable, Codable, Equatable {
  case text(String)
  case number(Double, display: String)
  case missing

  /// What the page shows.
  public var display: String {
    switch self {
    case .text(let text): text
    case .number(_, let display): display
    case .missing: "–"
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .text(let text): try container.encode(text)
    case .number(let value, _): try container.encode(value)
    case .missing: try container.encodeNil()
    }
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .missing
    } else if let value = try? container.decode(Double.self) {
      self = .number(value, display: "\(value)")
    } else {
      self = .text(try container.decode(String.self))
    }
  }
}
