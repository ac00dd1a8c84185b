internal import Localization

/// Each project's contribution to the global impact, largest first, with the running total: a
/// Pareto read as rows, so that long names stay readable. Beyond `limit` projects the rest is
/// one row.
public enum ParetoChart {
  public static func chart(
    projects: [ProjectEntry], context: ReportContext, limit: Int = RankingBars.defaultLimit
  ) -> Chart {
    let l = context.l
    let numbers = context.numbers
    let sorted = projects.sorted { ($0.contribution, $1.id) > ($1.contribution, $0.id) }
    let shown = Array(sorted.prefix(limit))
    let rest = sorted.dropFirst(limit)
    let restShare = rest.map(\.contribution).reduce(0, +)
    let width = 760.0
    let labelWidth = 240.0
    let left = labelWidth + 14
    let right = width - 150
    var labels = shown.map(\.name)
    if !rest.isEmpty { labels.append(l("report.ranking.rest_label", ["count": numbers.integer(rest.count)])) }
    let layout = RowLayout(labels: labels, top: 30, labelWidth: labelWidth - 10, maxLines: 2, minimumHeight: 18, gap: 2)
    let values = shown.map(\.contribution) + [restShare]
    let scale = LinearScale.including0(values, range: (left, right))
    let format = { (value: Double) in numbers.percent(value, places: 0) }
    var svg = SVGBuilder(width: width, height: max(layout.bottom + 6, 60))
    AxisDrawing.horizontal(
      scale, ticks: AxisDrawing.spaced(scale.ticks(count: 5), scale: scale, format: format), top: 26,
      bottom: layout.bottom, labelY: 20,
      format: format, into: &svg)
    svg.text(l("report.pareto.cumulative"), x: width - 4, y: 20, anchor: "end", size: 10, fill: "#555")
    var table = DataTable(columns: [l("label.project"), l("label.contribution"), l("report.pareto.cumulative")])
    var cumulative = 0.0
    var eighty: Int? = nil
    for (index, project) in shown.enumerated() {
      let row = layout.rows[index]
      cumulative += project.contribution
      if eighty == nil, cumulative >= 0.8 { eighty = index + 1 }
      layout.drawLabel(index, fullText: project.name, into: &svg, x: labelWidth)
      let x0 = scale.position(0)
      svg.rect(
        x: x0, y: row.middle - 5, width: scale.position(project.contribution) - x0, height: 10,
        fill: cumulative <= 0.8 + 1e-9 ? Palette.blue : Palette.sky,
        title: "\(project.name): \(numbers.percent(project.contribution))")
      svg.text(
        numbers.percent(project.contribution), x: scale.position(project.contribution) + 4, y: row.middle + 4, size: 9,
        fill: "#444")
      svg.text(
        numbers.percent(cumulative, places: 0), x: width - 4, y: row.middle + 4, anchor: "end", size: 10, fill: "#555")
      table.rows.append([
        .text(project.name), .number(project.contribution, display: numbers.percent(project.contribution)),
        .number(cumulative, display: numbers.percent(cumulative)),
      ])
    }
    if !rest.isEmpty {
      let row = layout.rows[shown.count]
      layout.drawLabel(shown.count, fullText: labels[shown.count], into: &svg, x: labelWidth, fill: "#555")
      let x0 = scale.position(0)
      svg.rect(
        x: x0, y: row.middle - 5, width: scale.position(restShare) - x0, height: 10, fill: Palette.lightGrey,
        extra: "stroke=\"\(Palette.grey)\"")
      svg.text(numbers.percent(restShare), x: scale.position(restShare) + 4, y: row.middle + 4, size: 9, fill: "#444")
      table.rows.append([
        .text(labels[shown.count]), .number(restShare, display: numbers.percent(restShare)),
        .number(1, display: numbers.percent(1)),
      ])
    }
    let title = l("report.pareto.title")
    let description =
      eighty.map { l("report.pareto.desc", ["count": numbers.integer($0), "total": numbers.integer(projects.count)]) }
      ?? l("report.pareto.desc_none")
    let note =
      rest.isEmpty
      ? nil : l("report.top_note", ["shown": numbers.integer(limit), "count": numbers.integer(projects.count)])
    return Chart(
      id: "pareto", title: title, description: description,
      svg: svg.svg(id: "pareto", title: title, description: description), table: table,
      note: projects.isEmpty ? l("report.empty") : note)
  }
}
