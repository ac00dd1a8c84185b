internal import Localization

/// Exposure versus impact-weighted exposure by domain, as paired horizontal bars, with the
/// coverage threshold drawn across.
public enum ExposureBars {
  public static func chart(scheme: ReportScheme, figures: PortfolioFigures, context: ReportContext) -> Chart {
    let l = context.l
    let numbers = context.numbers
    let width = 760.0
    let labelWidth = 190.0
    let left = labelWidth + 14
    let right = width - 70
    let labels = scheme.domains.map { ($0.strategic ? "★ " : "") + $0.label }
    let layout = RowLayout(labels: labels, top: 40, labelWidth: labelWidth - 10, maxLines: 3, minimumHeight: 30, gap: 4)
    let values: [Double] = scheme.domains.flatMap { domain -> [Double] in
      [figures.exposure[domain.id] ?? 0, figures.impactWeightedExposure[domain.id] ?? 0]
    }
    let scale = LinearScale.including0(values + [scheme.coverageThreshold], range: (left, right))
    let format = { (value: Double) in numbers.percent(value, places: 0) }
    let ticks = AxisDrawing.spaced(scale.ticks(count: 5), scale: scale, format: format)
    let height = layout.bottom + 22
    var svg = SVGBuilder(width: width, height: height)
    // Legend on top.
    svg.rect(x: left, y: 6, width: 12, height: 10, fill: Palette.blue)
    svg.text(l("label.exposure"), x: left + 16, y: 15, size: 10)
    let second = left + 24 + TextMeasure.width(l("label.exposure"), fontSize: 10)
    svg.rect(x: second, y: 6, width: 12, height: 10, fill: Palette.orange)
    svg.text(l("report.exposure.impact_weighted"), x: second + 16, y: 15, size: 10)
    AxisDrawing.horizontal(scale, ticks: ticks, top: 36, bottom: layout.bottom, labelY: 32, format: format, into: &svg)
    let tau = scale.position(scheme.coverageThreshold)
    svg.line(
      x1: tau, y1: 36, x2: tau, y2: layout.bottom + 6, stroke: Palette.vermillion, extra: "stroke-dasharray=\"3 3\"")
    svg.text(
      l("report.exposure.threshold", ["value": numbers.percent(scheme.coverageThreshold, places: 0)]), x: tau + 3,
      y: layout.bottom + 16,
      size: 9, fill: "#A63F00")
    var table = DataTable(columns: [
      l("label.domain"), l("label.exposure"), l("report.exposure.impact_weighted"), l("label.covered"),
    ])
    for (index, domain) in scheme.domains.enumerated() {
      let row = layout.rows[index]
      layout.drawLabel(index, fullText: labels[index], into: &svg, x: labelWidth)
      let exposure = figures.exposure[domain.id] ?? 0
      let weighted = figures.impactWeightedExposure[domain.id] ?? 0
      let barHeight = min(10, (row.height - 4) / 2)
      let pairs: [(Double, String)] = [(exposure, Palette.blue), (weighted, Palette.orange)]
      for (offset, (value, colour)) in pairs.enumerated() {
        let y = row.middle - barHeight - 1 + Double(offset) * (barHeight + 2)
        let x0 = scale.position(min(0, value))
        let x1 = scale.position(max(0, value))
        svg.rect(x: x0, y: y, width: x1 - x0, height: barHeight, fill: colour)
        svg.text(format(value), x: x1 + 4, y: y + barHeight - 1, size: 9, fill: "#444")
      }
      table.rows.append([
        .text(domain.label), .number(exposure, display: numbers.percent(exposure)),
        .number(weighted, display: numbers.percent(weighted)),
        .text(figures.coveredDomains.contains(domain.id) ? l("report.yes") : l("report.no")),
      ])
    }
    let title = l("report.exposure.title")
    let description = l(
      "report.exposure.desc",
      [
        "hhi": numbers.decimal(figures.hhi, places: 3),
        "effective": numbers.decimal(figures.effectiveDomains, places: 2),
      ])
    return Chart(
      id: "exposure", title: title, description: description,
      svg: svg.svg(id: "exposure", title: title, description: description),
      table: table)
  }
}
