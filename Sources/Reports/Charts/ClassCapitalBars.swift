internal import Localization

/// Capital by impact class (harm, A, B, C, unclassified): the Impact Frontiers portfolio view.
public enum ClassCapitalBars {
  public static let classes = ["harm", "A", "B", "C", "none"]

  public static func chart(projects: [ProjectEntry], context: ReportContext) -> Chart {
    let l = context.l
    let numbers = context.numbers
    var amounts: [String: Double] = [:]
    var counts: [String: Int] = [:]
    for project in projects {
      amounts[project.impactClass, default: 0] += project.amount
      counts[project.impactClass, default: 0] += 1
    }
    let total = amounts.values.reduce(0, +)
    let width = 760.0
    let labelWidth = 190.0
    let left = labelWidth + 14
    let right = width - 215
    let labels = classes.map { l("report.class.long.\($0 == "none" ? "none" : $0.lowercased())") }
    let layout = RowLayout(labels: labels, top: 26, labelWidth: labelWidth - 10, maxLines: 3, minimumHeight: 26, gap: 4)
    let scale = LinearScale.including0(classes.map { amounts[$0] ?? 0 }, range: (left, right))
    let format = { (value: Double) in numbers.compactAmount(value) }
    let ticks = AxisDrawing.spaced(scale.ticks(count: 5), scale: scale, format: format)
    var svg = SVGBuilder(width: width, height: layout.bottom + 6)
    AxisDrawing.horizontal(scale, ticks: ticks, top: 22, bottom: layout.bottom, labelY: 16, format: format, into: &svg)
    var table = DataTable(columns: [
      l("label.class"), l("label.projects"), l("label.amount"), l("report.label.share_of_capital"),
    ])
    for (index, code) in classes.enumerated() {
      let row = layout.rows[index]
      layout.drawLabel(index, fullText: labels[index], into: &svg, x: labelWidth)
      let amount = amounts[code] ?? 0
      let share = total > 0 ? amount / total : 0
      let x1 = scale.position(amount)
      svg.rect(
        x: scale.position(0), y: row.middle - 8, width: x1 - scale.position(0), height: 16,
        fill: Palette.impactClass(code),
        title: "\(labels[index]): \(numbers.amount(amount))")
      svg.text(
        "\(numbers.amount(amount)) · \(numbers.percent(share, places: 0)) · \(l("report.count.projects", ["count": numbers.integer(counts[code] ?? 0)]))",
        x: x1 + 5, y: row.middle + 4, size: 10, fill: "#444")
      table.rows.append([
        .text(labels[index]), .number(Double(counts[code] ?? 0), display: numbers.integer(counts[code] ?? 0)),
        .number(amount, display: numbers.amount(amount)), .number(share, display: numbers.percent(share)),
      ])
    }
    let title = l("report.classes.title")
    let description = l("report.classes.desc", ["amount": numbers.amount(total)])
    return Chart(
      id: "classes", title: title, description: description,
      svg: svg.svg(id: "classes", title: title, description: description),
      table: table)
  }
}
