/// Lays tables out in aligned columns that fit a line width, cutting the longest cut-able
/// values with `…` when they do not fit.
struct TextTableLayout: Sendable {
  var maximumWidth = 100
  var gap = "  "
  var boldHeaders = false

  func render(_ table: Table) -> String {
    var lines: [String] = []
    if let title = table.title { lines.append(boldHeaders ? "\u{1B}[1m\(title)\u{1B}[0m" : title) }
    var rows = table.rows.map { $0.map(\.display) }
    if table.showsHeader { rows.insert(table.columns.map(\.header), at: 0) }
    guard !table.columns.isEmpty else { return lines.joined(separator: "\n") }
    let widths = fittedWidths(rows: rows, columns: table.columns)
    for (index, row) in rows.enumerated() {
      var cells: [String] = []
      for (column, width) in widths.enumerated() {
        let value = column < row.count ? row[column] : ""
        let cut = Self.truncate(value, to: width)
        let padding = String(repeating: " ", count: max(0, width - cut.count))
        let isLast = column == widths.count - 1
        switch table.columns[column].alignment {
        case .left: cells.append(isLast ? cut : cut + padding)
        case .right: cells.append(padding + cut)
        }
      }
      var line = cells.joined(separator: gap)
      while line.hasSuffix(" ") { line.removeLast() }
      if index == 0, table.showsHeader, boldHeaders { line = "\u{1B}[1m\(line)\u{1B}[0m" }
      lines.append(line)
    }
    return lines.joined(separator: "\n")
  }

  private func fittedWidths(rows: [[String]], columns: [Table.Column]) -> [Int] {
    var widths = columns.indices.map { column in
      rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
    }
    let minimum = 6
    while widths.reduce(0, +) + gap.count * (widths.count - 1) > maximumWidth {
      let candidates = widths.indices.filter { columns[$0].truncatable && widths[$0] > minimum }
      guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
      widths[widest] -= 1
    }
    return widths
  }

  static func truncate(_ value: String, to width: Int) -> String {
    guard value.count > width, width > 0 else { return value }
    return String(value.prefix(width - 1)) + "…"
  }
}
