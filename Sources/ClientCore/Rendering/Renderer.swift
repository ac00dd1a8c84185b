import Analytics
import Localization
import SwiftProtobuf

/// Prints a command's answer in the chosen format: tables for people, the response message
/// as protobuf JSON, or CSV.
struct Renderer: Sendable {
  var format: OutputFormat
  var language: DisplayLanguage
  /// The line width tables fit (``TerminalWidth``); nil prints them at full width (`--wide`).
  var width: Int? = TerminalWidth.fallback
  /// The columns `--columns` chose, in tables and CSV; nil for every column.
  var columns: ColumnSelection? = nil
  /// How CSV output is written (`--excel`, `--separator`, `--decimal-comma`, `--bom`).
  var csvDialect: CSVDialect = .standard

  /// The texts of `language`: `l("score.field.composite")`.
  var l: Localizer { language.localizer }

  /// Prints `message` as JSON (pretty) when the format is JSON, otherwise `sections()`; CSV
  /// prints every table, separated by an empty line.
  func emit(_ message: some SwiftProtobuf.Message, sections: () throws -> [Section]) throws {
    switch format {
    case .json: StandardStreams.writeLine(JSONIndenter.indent(try Self.json(message)))
    case .table: StandardStreams.write(text(try chosenColumns(sections())))
    case .csv: StandardStreams.write(csv(try chosenColumns(sections())))
    }
  }

  /// The sections with only the columns `--columns` chose.
  func chosenColumns(_ sections: [Section]) throws -> [Section] {
    guard let columns else { return sections }
    return try columns.apply(to: sections, l)
  }

  /// How tables are laid out for people at this renderer's width.
  var layout: TextTableLayout {
    TextTableLayout(maximumWidth: width, boldHeaders: StandardStreams.allowsColour)
  }

  /// The sections as aligned text, one empty line between sections.
  func text(_ sections: [Section]) -> String {
    let layout = self.layout
    return sections.map { section in
      switch section {
      case .table(let table): layout.render(table) + "\n"
      case .text(let text, _):
        TerminalText.escaped(text.hasSuffix("\n") ? text : text + "\n", keepingLineBreaks: true)
      }
    }.joined(separator: "\n")
  }

  /// The tables of the sections as CSV in the renderer's dialect, one empty line between
  /// tables, with the dialect's byte order mark once at the start.
  func csv(_ sections: [Section]) -> String {
    let tables = sections.compactMap { section -> Table? in
      switch section {
      case .table(let table): table
      case .text(_, let csv): csv
      }
    }
    let text = tables.map { CSVText.render($0, dialect: csvDialect) }.joined(separator: "\r\n")
    return (csvDialect.byteOrderMark ? CSVDialect.byteOrderMarkText : "") + text
  }

  /// A number cell in this renderer's language.
  func number(_ value: Double?, _ style: NumberStyle) -> Cell {
    Cell(value, style, language: language)
  }

  /// The compact protobuf JSON of `message`, keeping the proto field names.
  static func json(_ message: some SwiftProtobuf.Message) throws -> String {
    var options = JSONEncodingOptions()
    options.preserveProtoFieldNames = true
    options.alwaysPrintInt64sAsNumbers = true
    options.useDeterministicOrdering = true
    do {
      return try message.jsonString(options: options)
    } catch {
      throw CommandFailure(.failure, .l("error.json.encoding", ["reason": "\(error)"]))
    }
  }
}
