internal import Localization

/// Composite versus amount, one bubble per project sized by the people it reaches and coloured
/// by its class. Each bubble carries its rank as a label where one fits without overlapping,
/// its full name as a tooltip, and the table beside it lists every bubble.
public enum BubbleChart {
  public static func chart(
    projects: [ProjectEntry], context: ReportContext, limit: Int = RankingBars.defaultLimit
  ) -> Chart {
    let l = context.l
    let numbers = context.numbers
    let shown = Array(projects.prefix(limit))
    let width = 760.0
    let height = 420.0
    let plot = Box(x: 70, y: 20, width: width - 70 - 20, height: height - 20 - 70)
    let x = LinearScale.including0(shown.map(\.amount), range: (plot.x, plot.x + plot.width))
    let y = LinearScale(domain: 0...100, range: (plot.y + plot.height, plot.y))
    let maxReach = shown.compactMap(\.reach).max() ?? 0
    func radius(_ reach: Double?) -> Double {
      guard let reach, reach > 0, maxReach > 0 else { return 4 }
      return 4 + 20 * (reach / maxReach).squareRoot()
    }
    var svg = SVGBuilder(width: width, height: height)
    let amountFormat = { (value: Double) in numbers.compactAmount(value) }
    let xTicks = AxisDrawing.spaced(x.ticks(count: 6), scale: x, format: amountFormat)
    for tick in xTicks {
      let position = x.position(tick)
      svg.line(x1: position, y1: plot.y, x2: position, y2: plot.y + plot.height, stroke: Palette.lightGrey)
      svg.text(amountFormat(tick), x: position, y: plot.y + plot.height + 14, anchor: "middle", size: 10, fill: "#555")
    }
    for tick in y.ticks(count: 5) {
      let position = y.position(tick)
      svg.line(x1: plot.x, y1: position, x2: plot.x + plot.width, y2: position, stroke: Palette.lightGrey)
      svg.text(numbers.decimal(tick, places: 0), x: plot.x - 6, y: position + 3, anchor: "end", size: 10, fill: "#555")
    }
    svg.text(l("label.amount"), x: plot.x + plot.width / 2, y: plot.y + plot.height + 30, anchor: "middle", size: 11)
    svg.text(
      l("label.composite"), x: 14, y: plot.y + plot.height / 2, anchor: "middle", size: 11,
      extra: "transform=\"rotate(-90 14 \(SVGBuilder.number(plot.y + plot.height / 2)))\"")
    // Legend: classes and the bubble size.
    var legendX = plot.x
    let legendY = height - 18
    for code in ClassCapitalBars.classes {
      svg.circle(cx: legendX + 5, cy: legendY - 4, r: 5, fill: Palette.impactClass(code), extra: "fill-opacity=\"0.7\"")
      let label = context.impactClass(code)
      svg.text(label, x: legendX + 13, y: legendY, size: 10)
      legendX += 24 + TextMeasure.width(label, fontSize: 10)
    }
    svg.text(l("report.bubble.size"), x: legendX + 10, y: legendY, size: 10, fill: "#555")

    // Largest bubbles first so that small ones stay visible on top.
    let order = shown.indices.sorted {
      (radius(shown[$0].reach), shown[$1].rank) > (radius(shown[$1].reach), shown[$0].rank)
    }
    for index in order {
      let project = shown[index]
      let tooltip =
        "\(project.rank). \(project.name) — \(numbers.amount(project.amount)), \(numbers.score(project.composite))"
      svg.circle(
        cx: x.position(project.amount), cy: y.clampedPosition(project.composite), r: radius(project.reach),
        fill: Palette.impactClass(project.impactClass),
        extra: "fill-opacity=\"0.55\" stroke=\"#333\" stroke-width=\"0.6\"",
        title: tooltip)
    }
    var placer = LabelPlacer(bounds: plot)
    for index in shown.indices {
      let project = shown[index]
      let text = String(project.rank)
      let labelWidth = TextMeasure.width(text, fontSize: 10) + 2
      if let box = placer.place(
        x: x.position(project.amount), y: y.clampedPosition(project.composite), distance: radius(project.reach) + 2,
        width: labelWidth, height: 11)
      {
        svg.text(text, x: box.x + 1, y: box.y + 9, size: 10, fill: Palette.ink, title: project.name)
      }
    }
    var table = DataTable(columns: [
      l("label.rank"), l("label.project"), l("label.amount"), l("label.composite"), l("label.reach"), l("label.class"),
    ])
    for project in shown {
      table.rows.append([
        .number(Double(project.rank), display: numbers.integer(project.rank)), .text(project.name),
        .number(project.amount, display: numbers.amount(project.amount)),
        .number(project.composite, display: numbers.score(project.composite)),
        project.reach.map { .number($0, display: numbers.integer(Int($0.rounded()))) } ?? .missing,
        .text(context.impactClass(project.impactClass)),
      ])
    }
    let title = l("report.bubble.title")
    let description = l("report.bubble.desc", ["count": numbers.integer(shown.count)])
    let note =
      projects.count > limit
      ? l("report.top_note", ["shown": numbers.integer(limit), "count": numbers.integer(projects.count)]) : nil
    return Chart(
      id: "bubble", title: title, description: description,
      svg: svg.svg(id: "bubble", title: title, description: description), table: table,
      note: projects.isEmpty ? l("report.empty") : note)
  }
}
