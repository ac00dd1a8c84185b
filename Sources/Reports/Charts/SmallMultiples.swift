internal import Localization

/// Trends over snapshots: one small line chart per figure, three to a row, each with its own
/// scale and its first and last values written out.
public enum SmallMultiples {
  public static func chart(
    id: String, title: String, description: String, series: [TrendSeries], labels: [String: String],
    context: ReportContext,
    format: @escaping (String, Double) -> String
  ) -> Chart {
    let columns = 3
    let cellWidth = 250.0
    let cellHeight = 120.0
    let rows = (series.count + columns - 1) / columns
    var svg = SVGBuilder(width: Double(columns) * cellWidth + 10, height: Double(max(rows, 1)) * cellHeight + 6)
    var table = DataTable(columns: [
      context.l("label.figure"), context.l("report.label.snapshot"), context.l("label.value"),
    ])
    for (index, trend) in series.enumerated() {
      let originX = Double(index % columns) * cellWidth + 10
      let originY = Double(index / columns) * cellHeight + 4
      let name = labels[trend.figure] ?? trend.figure
      let wrapped = TextMeasure.wrap(name, maxWidth: cellWidth - 20, fontSize: 11, maxLines: 1)
      svg.text(
        wrapped.lines[0], x: originX, y: originY + 12, size: 11, extra: "font-weight=\"600\"",
        title: wrapped.truncated ? name : nil)
      let plot = Box(x: originX + 4, y: originY + 24, width: cellWidth - 70, height: cellHeight - 50)
      let values = trend.points.map(\.value)
      let low = values.min() ?? 0
      let high = values.max() ?? 0
      let y = LinearScale(domain: low...high, range: (plot.y + plot.height, plot.y))
      let step = trend.points.count > 1 ? plot.width / Double(trend.points.count - 1) : 0
      let points = trend.points.enumerated().map { (plot.x + Double($0.offset) * step, y.position($0.element.value)) }
      svg.line(
        x1: plot.x, y1: plot.y + plot.height, x2: plot.x + plot.width, y2: plot.y + plot.height, stroke: Palette.axis)
      if points.count > 1 { svg.polyline(points, stroke: Palette.blue, extra: "stroke-width=\"2\"") }
      for (offset, point) in points.enumerated() {
        svg.circle(
          cx: point.0, cy: point.1, r: 2.5, fill: Palette.blue,
          title: "\(trend.points[offset].label): \(format(trend.figure, trend.points[offset].value))")
        table.rows.append([
          .text(name), .text(trend.points[offset].label),
          .number(trend.points[offset].value, display: format(trend.figure, trend.points[offset].value)),
        ])
      }
      if let first = trend.points.first, let last = trend.points.last {
        svg.text(format(trend.figure, last.value), x: plot.x + plot.width + 6, y: (points.last?.1 ?? 0) + 4, size: 10)
        svg.text(first.label, x: plot.x, y: plot.y + plot.height + 13, size: 9, fill: "#555")
        svg.text(last.label, x: plot.x + plot.width, y: plot.y + plot.height + 13, anchor: "end", size: 9, fill: "#555")
      }
    }
    return Chart(
      id: id, title: title, description: description, svg: svg.svg(id: id, title: title, description: description),
      table: table)
  }
}
