import Foundation
import Localization

/// The columns `--columns a,b,c` asks for, named by header (in the language printed) or CSV
/// name, ignoring case: each table with a header that has any of them keeps only those, in the
/// order given. Key–value lists and tables with none of the names are left whole, so that
/// `impact score ID --columns outcome,Q` still shows the project's fields.
struct ColumnSelection: Sendable, Equatable {
  var names: [String]

  /// The names of `text` (`a,b,c`, spaces around names ignored); nil when it names none.
  init?(_ text: String) {
    let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !names.isEmpty else { return nil }
    self.names = names
  }

  /// `sections` with the chosen columns; a usage error naming the valid columns when a name
  /// matches no column of any table.
  func apply(to sections: [Section], _ l: Localizer) throws -> [Section] {
    let tables = sections.compactMap { section -> Table? in
      if case .table(let table) = section, table.showsHeader { return table }
      return nil
    }
    for name in names where !tables.contains(where: { $0.columns.contains { Self.matches($0, name) } }) {
      var valid: [String] = []
      for column in tables.flatMap(\.columns) {
        for candidate in [column.csvName ?? column.header, column.header] where !valid.contains(candidate) {
          valid.append(candidate)
        }
      }
      throw CommandFailure(
        .usage, l("tables.columns.unknown", ["name": name, "valid": valid.joined(separator: ", ")]))
    }
    return sections.map { section in
      guard case .table(let table) = section else { return section }
      return .table(select(table))
    }
  }

  /// `table` with the named columns it has, in the order of the names.
  func select(_ table: Table) -> Table {
    guard table.showsHeader else { return table }
    var chosen: [Int] = []
    for name in names {
      for index in table.columns.indices where Self.matches(table.columns[index], name) && !chosen.contains(index) {
        chosen.append(index)
      }
    }
    guard !chosen.isEmpty else { return table }
    if table.firstColumnNamesRows, !chosen.contains(0) { chosen.insert(0, at: 0) }
    var selected = table
    selected.columns = chosen.map { table.columns[$0] }
    selected.rows = table.rows.map { row in chosen.map { $0 < row.count ? row[$0] : "" } }
    return selected
  }

  private static func matches(_ column: Table.Column, _ name: String) -> Bool {
    column.header.compare(name, options: [.caseInsensitive]) == .orderedSame
      || (column.csvName?.compare(name, options: [.caseInsensitive]) == .orderedSame)
  }
}
