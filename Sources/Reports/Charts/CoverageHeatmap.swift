internal import Localization

/// The domain × depth coverage heatmap: one row per domain of the scheme, one column per depth
/// class; each cell gives the outcomes and the amount, shaded by the amount. Strategic domains
/// carry a star and gaps a marked, hatched row, so that what is missing shows.
public enum CoverageHeatmap {
  public static let depthClasses = ["marginal", "moderate", "significant", "deep"]

  public static func chart(scheme: ReportScheme, figures: PortfolioFigures, context: ReportContext) -> Chart {
    let l = context.l
    let numbers = context.numbers
    let width = 760.0
    let labelWidth = 190.0
    let left = labelWidth + 14
    let columnWidth = (width - left - 8) / Double(depthClasses.count)
    let headerHeight = 30.0
    // A gap says so in its label, so that the mark never overlaps the name.
    let labels = scheme.domains.map { domain in
      (domain.strategic ? "★ " : "") + domain.label
        + (figures.gaps.contains(domain.id) ? " · " + l("report.heatmap.gap") : "")
    }
    let layout = RowLayout(
      labels: labels, top: headerHeight, labelWidth: labelWidth - 10, fontSize: 11, maxLines: 3, minimumHeight: 36,
      gap: 3)
    let maximum = figures.matrix.map(\.amount).max() ?? 0
    let height = layout.bottom + 34
    var svg = SVGBuilder(width: width, height: height)
    svg.raw(
      "<defs><pattern id=\"gap-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#FFF4EC\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#F3C3A0\" stroke-width=\"2\"/></pattern></defs>"
    )
    for (index, depth) in depthClasses.enumerated() {
      svg.text(
        context.depthClass(depth), x: left + (Double(index) + 0.5) * columnWidth, y: 18, anchor: "middle", size: 11,
        fill: Palette.ink, extra: "font-weight=\"600\"")
    }
    var table = DataTable(columns: [
      l("label.domain"), l("label.strategic"), l("report.label.depth_class"), l("label.outcomes"), l("label.amount"),
    ])
    for (rowIndex, domain) in scheme.domains.enumerated() {
      let row = layout.rows[rowIndex]
      let isGap = figures.gaps.contains(domain.id)
      if isGap {
        svg.rect(
          x: 2, y: row.y, width: width - 4, height: row.height, fill: "url(#gap-hatch)",
          extra: "stroke=\"\(Palette.vermillion)\" stroke-dasharray=\"4 3\"")
      }
      layout.drawLabel(
        rowIndex, fullText: labels[rowIndex], into: &svg, x: labelWidth, fill: isGap ? "#A63F00" : Palette.ink)
      for (columnIndex, depth) in depthClasses.enumerated() {
        let cell = figures.matrix.first { $0.domain == domain.id && $0.depthClass == depth }
        let x = left + Double(columnIndex) * columnWidth
        let outcomes = cell?.outcomes ?? 0
        let amount = cell?.amount ?? 0
        let fill =
          outcomes > 0
          ? (Palette.intensity(maximum > 0 ? max(amount / maximum, 0.0001) : 0.0001) ?? "#FFFFFF") : "#FFFFFF"
        let tooltip =
          "\(domain.label) · \(context.depthClass(depth)): \(l("report.heatmap.cell", ["outcomes": numbers.integer(outcomes), "amount": numbers.amount(amount)]))"
        svg.rect(
          x: x + 2, y: row.y + 1, width: columnWidth - 4, height: row.height - 2, fill: fill,
          extra: "stroke=\"\(outcomes > 0 ? "#9DB8D3" : Palette.lightGrey)\"", title: tooltip)
        let textFill = Palette.needsLightText(fill) ? "#FFFFFF" : Palette.ink
        if outcomes > 0 {
          svg.text(
            l("report.heatmap.outcomes", ["count": numbers.integer(outcomes)]), x: x + columnWidth / 2,
            y: row.middle - 2, anchor: "middle", size: 11, fill: textFill, extra: "font-weight=\"600\"")
          svg.text(
            numbers.compactAmount(amount), x: x + columnWidth / 2, y: row.middle + 11, anchor: "middle", size: 10,
            fill: textFill)
        } else {
          svg.text("–", x: x + columnWidth / 2, y: row.middle + 4, anchor: "middle", size: 11, fill: "#999")
        }
        if outcomes > 0 {
          table.rows.append([
            .text(domain.label), .text(domain.strategic ? l("report.yes") : l("report.no")),
            .text(context.depthClass(depth)),
            .number(Double(outcomes), display: numbers.integer(outcomes)),
            .number(amount, display: numbers.amount(amount)),
          ])
        }
      }
    }
    // Legend: the shades, the star and the gap mark.
    let legendY = layout.bottom + 12
    svg.text(l("report.heatmap.legend.amount"), x: left, y: legendY + 9, size: 10, fill: "#555")
    let legendStart = left + TextMeasure.width(l("report.heatmap.legend.amount"), fontSize: 10) + 8
    for (index, colour) in Palette.sequential.enumerated() {
      svg.rect(
        x: legendStart + Double(index) * 22, y: legendY, width: 20, height: 11, fill: colour,
        extra: "stroke=\"#9DB8D3\"")
    }
    let afterShades = legendStart + Double(Palette.sequential.count) * 22 + 14
    svg.text("★ " + l("report.heatmap.legend.strategic"), x: afterShades, y: legendY + 9, size: 10, fill: "#555")
    let gapX = afterShades + TextMeasure.width("★ " + l("report.heatmap.legend.strategic"), fontSize: 10) + 16
    svg.rect(
      x: gapX, y: legendY, width: 20, height: 11, fill: "url(#gap-hatch)",
      extra: "stroke=\"\(Palette.vermillion)\" stroke-dasharray=\"4 3\"")
    svg.text(l("report.heatmap.legend.gap"), x: gapX + 26, y: legendY + 9, size: 10, fill: "#555")

    let gapNames = figures.gaps.map(scheme.domainLabel).joined(separator: ", ")
    let description = l(
      "report.heatmap.desc",
      ["domains": numbers.integer(scheme.domains.count), "gaps": gapNames.isEmpty ? l("report.none") : gapNames])
    let title = l("report.heatmap.title")
    return Chart(
      id: "heatmap", title: title, description: description,
      svg: svg.svg(id: "heatmap", title: title, description: description),
      table: table)
  }
}
