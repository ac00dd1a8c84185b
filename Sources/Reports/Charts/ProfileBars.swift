internal import Localization

/// A project's profile against the portfolio's median on the 0-4 scale: the four quantitative
/// dimensions and the criteria, a bar for the project and a tick for the median.
public enum ProfileBars {
  public static func chart(
    id: String, labels: [String], values: [Double?], medians: [Double], context: ReportContext, projectName: String
  ) -> Chart {
    let l = context.l
    let numbers = context.numbers
    let width = 760.0
    let labelWidth = 240.0
    let left = labelWidth + 14
    let right = width - 110
    let layout = RowLayout(labels: labels, top: 40, labelWidth: labelWidth - 10, maxLines: 3, minimumHeight: 22, gap: 3)
    let scale = LinearScale(domain: 0...4, range: (left, right))
    var svg = SVGBuilder(width: width, height: layout.bottom + 6)
    svg.rect(x: left, y: 6, width: 12, height: 10, fill: Palette.blue)
    svg.text(l("report.profile.project"), x: left + 16, y: 15, size: 10)
    let second = left + 30 + TextMeasure.width(l("report.profile.project"), fontSize: 10)
    svg.line(x1: second + 6, y1: 4, x2: second + 6, y2: 18, stroke: Palette.orange, extra: "stroke-width=\"3\"")
    svg.text(l("report.profile.median"), x: second + 14, y: 15, size: 10)
    AxisDrawing.horizontal(
      scale, ticks: [0, 1, 2, 3, 4], top: 36, bottom: layout.bottom, labelY: 32,
      format: { numbers.decimal($0, places: 0) }, into: &svg)
    var table = DataTable(columns: [l("report.label.measure"), l("report.profile.project"), l("report.profile.median")])
    for (index, label) in labels.enumerated() {
      let row = layout.rows[index]
      layout.drawLabel(index, fullText: label, into: &svg, x: labelWidth)
      let value = values[index]
      let median = index < medians.count ? medians[index] : 0
      if let value {
        svg.rect(
          x: scale.position(0), y: row.middle - 6, width: scale.clampedPosition(value) - scale.position(0), height: 12,
          fill: Palette.blue)
        svg.text(
          numbers.dimension(value), x: scale.clampedPosition(max(value, median)) + 6, y: row.middle + 4, size: 10,
          fill: "#444")
      } else {
        svg.text(
          l("report.profile.unrated"), x: scale.position(0) + 4, y: row.middle + 4, size: 10, fill: Palette.vermillion)
      }
      svg.line(
        x1: scale.clampedPosition(median), y1: row.middle - 9, x2: scale.clampedPosition(median), y2: row.middle + 9,
        stroke: Palette.orange, extra: "stroke-width=\"3\"")
      table.rows.append([
        .text(label), value.map { .number($0, display: numbers.dimension($0)) } ?? .missing,
        .number(median, display: numbers.dimension(median)),
      ])
    }
    let title = l("report.profile.title")
    let description = l("report.profile.desc", ["name": projectName])
    return Chart(
      id: id, title: title, description: description, svg: svg.svg(id: id, title: title, description: description),
      table: table)
  }
}
