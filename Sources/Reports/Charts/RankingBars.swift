internal import Localization

/// The ranking as horizontal bars: the composite in full colour, and in a lighter band what
/// the confidence discount took off; harm and insufficient data are flagged in words, not
/// colour alone. Beyond `limit` projects the rest is one band (their range and median).
public enum RankingBars {
  public static let defaultLimit = 50

  public static func chart(projects: [ProjectEntry], context: ReportContext, limit: Int = defaultLimit) -> Chart {
    let l = context.l
    let numbers = context.numbers
    let shown = Array(projects.prefix(limit))
    let rest = projects.dropFirst(limit)
    let width = 760.0
    let labelWidth = 240.0
    let left = labelWidth + 14
    let right = width - 120
    var labels = shown.map { "\($0.rank). \($0.name)" }
    if !rest.isEmpty { labels.append(l("report.ranking.rest_label", ["count": numbers.integer(rest.count)])) }
    let layout = RowLayout(labels: labels, top: 44, labelWidth: labelWidth - 10, maxLines: 2, minimumHeight: 20, gap: 3)
    let scale = LinearScale(domain: 0...100, range: (left, right))
    let format = { (value: Double) in numbers.decimal(value, places: 0) }
    var svg = SVGBuilder(width: width, height: max(layout.bottom + 8, 80))
    svg.rect(x: left, y: 6, width: 12, height: 10, fill: Palette.blue)
    svg.text(l("label.composite"), x: left + 16, y: 15, size: 10)
    var legendX = left + 28 + TextMeasure.width(l("label.composite"), fontSize: 10)
    svg.rect(x: legendX, y: 6, width: 12, height: 10, fill: "#A9CBE4")
    svg.text(l("report.ranking.discount"), x: legendX + 16, y: 15, size: 10)
    legendX += 28 + TextMeasure.width(l("report.ranking.discount"), fontSize: 10)
    svg.text("⚠ " + l("label.insufficient_data"), x: legendX, y: 15, size: 10, fill: Palette.vermillion)
    AxisDrawing.horizontal(
      scale, ticks: scale.ticks(count: 10), top: 40, bottom: layout.bottom, labelY: 35, format: format, into: &svg)
    var table = DataTable(columns: [
      l("label.rank"), l("label.project"), l("label.composite"), l("label.confidence"),
      l("report.label.before_confidence"),
      l("label.class"), l("label.insufficient_data"),
    ])
    for (index, project) in shown.enumerated() {
      let row = layout.rows[index]
      layout.drawLabel(index, fullText: labels[index], into: &svg, x: labelWidth)
      let x0 = scale.position(0)
      let full = scale.clampedPosition(project.undiscounted)
      let bar = scale.clampedPosition(project.composite)
      let harm = project.impactClass == "harm"
      svg.rect(x: x0, y: row.middle - 6, width: full - x0, height: 12, fill: "#A9CBE4")
      svg.rect(
        x: x0, y: row.middle - 6, width: bar - x0, height: 12, fill: harm ? Palette.vermillion : Palette.blue,
        title: "\(project.name): \(numbers.score(project.composite))")
      var flags = numbers.score(project.composite)
      if harm { flags += " · " + l("report.ranking.harm") }
      if project.insufficientData { flags += " · ⚠" }
      svg.text(
        flags, x: full + 4, y: row.middle + 4, size: 10,
        fill: harm || project.insufficientData ? Palette.vermillion : "#444")
      table.rows.append([
        .number(Double(project.rank), display: numbers.integer(project.rank)), .text(project.name),
        .number(project.composite, display: numbers.score(project.composite)),
        .number(project.confidence, display: numbers.decimal(project.confidence, places: 2)),
        .number(project.undiscounted, display: numbers.score(project.undiscounted)),
        .text(context.impactClass(project.impactClass)),
        .text(project.insufficientData ? l("report.yes") : l("report.no")),
      ])
    }
    var note: String? = nil
    if !rest.isEmpty {
      let row = layout.rows[shown.count]
      layout.drawLabel(shown.count, fullText: labels[shown.count], into: &svg, x: labelWidth, fill: "#555")
      let composites = rest.map(\.composite).sorted()
      let low = composites.first ?? 0
      let high = composites.last ?? 0
      let median = Statistics.median(composites)
      svg.rect(
        x: scale.position(low), y: row.middle - 6, width: scale.position(high) - scale.position(low), height: 12,
        fill: Palette.lightGrey,
        extra: "stroke=\"\(Palette.grey)\"")
      svg.line(
        x1: scale.position(median), y1: row.middle - 8, x2: scale.position(median), y2: row.middle + 8,
        stroke: Palette.ink, extra: "stroke-width=\"2\"")
      note = l(
        "report.ranking.rest_note",
        [
          "shown": numbers.integer(shown.count), "count": numbers.integer(rest.count), "low": numbers.score(low),
          "high": numbers.score(high), "median": numbers.score(median),
        ])
      table.rows.append([
        .text("\(shown.count + 1)–\(projects.count)"), .text(labels[shown.count]),
        .number(median, display: numbers.score(median)),
        .missing, .missing, .missing, .missing,
      ])
    }
    let title = l("report.ranking.title")
    let description = l("report.ranking.desc", ["count": numbers.integer(projects.count)])
    return Chart(
      id: "ranking", title: title, description: description,
      svg: svg.svg(id: "ranking", title: title, description: description),
      table: table, note: projects.isEmpty ? l("report.empty") : note)
  }
}

/// Small statistics over figures.
public enum Statistics {
  /// The median of `values` (the mean of the two middle values for an even count); 0 when empty.
  public static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
