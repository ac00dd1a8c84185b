internal import Localization

/// Builds the HTML of a report: sections, figure cards, charts with their tables, plain tables.
struct HTMLWriter {
  private(set) var parts: [String] = []
  private(set) var charts: [Chart] = []
  private(set) var contents: [(id: String, title: String)] = []
  let context: ReportContext

  init(context: ReportContext) {
    self.context = context
    parts.reserveCapacity(64)
  }

  mutating func raw(_ html: String) { parts.append(html) }

  mutating func section(_ id: String, _ title: String, pageBreak: Bool = false) {
    contents.append((id, title))
    parts.append("<h2 id=\"\(id)\"\(pageBreak ? " class=\"sheet\"" : "")>\(HTMLText.escape(title))</h2>")
  }

  mutating func paragraph(_ text: String, className: String? = nil) {
    parts.append("<p\(className.map { " class=\"\($0)\"" } ?? "")>\(HTMLText.escape(text))</p>")
  }

  /// Headline cards: a label, a value, and an optional change.
  mutating func cards(_ cards: [(label: String, value: String, change: String?)]) {
    var html = "<div class=\"cards\">"
    for card in cards {
      html +=
        "<div class=\"card\"><div class=\"label\">\(HTMLText.escape(card.label))</div><div class=\"value\">\(HTMLText.escape(card.value))</div>"
      if let change = card.change { html += "<div class=\"change\">\(HTMLText.escape(change))</div>" }
      html += "</div>"
    }
    parts.append(html + "</div>")
  }

  /// A chart with its title, description, note, and its numbers in a `<details>` table.
  mutating func chart(_ chart: Chart) {
    charts.append(chart)
    var html =
      "<figure class=\"chart-block\" id=\"chart-\(chart.id)\"><figcaption><h3>\(HTMLText.escape(chart.title))</h3><p>\(HTMLText.escape(chart.description))</p></figcaption>"
    html += chart.svg
    if let note = chart.note { html += "<p class=\"note\">\(HTMLText.escape(note))</p>" }
    html += "<details><summary>\(HTMLText.escape(context.l("report.details")))</summary>"
    html += Self.table(chart.table)
    html += "</details></figure>"
    parts.append(html)
  }

  /// A plain table.
  mutating func table(_ table: DataTable, caption: String? = nil) {
    parts.append(Self.table(table, caption: caption))
  }

  static func table(_ table: DataTable, caption: String? = nil) -> String {
    var html = "<table>"
    if let caption { html += "<caption>\(HTMLText.escape(caption))</caption>" }
    let numeric = table.columns.indices.map { column in
      !table.rows.isEmpty
        && table.rows.allSatisfy { row in
          guard column < row.count else { return true }
          if case .text = row[column] { return false }
          return true
        }
    }
    html += "<thead><tr>"
    for (index, column) in table.columns.enumerated() {
      html += numeric[index] ? "<th class=\"n\">" : "<th>"
      html += HTMLText.escape(column) + "</th>"
    }
    html += "</tr></thead><tbody>"
    for row in table.rows {
      html += "<tr>"
      for (index, cell) in row.enumerated() {
        html += index < numeric.count && numeric[index] ? "<td class=\"n\">" : "<td>"
        html += HTMLText.escape(cell.display) + "</td>"
      }
      html += "</tr>"
    }
    return html + "</tbody></table>"
  }
}
