internal import Localization

/// A waterfall read top to bottom: each step a floating bar from the running total by its
/// change (blue up, vermillion down), totals as full bars from 0. Used for a project's
/// composite from its inputs and for the attribution of a portfolio's change.
public enum WaterfallChart {
  /// One row: a change of the running total, or a total (the running total is reset to it).
  public struct Step: Sendable, Equatable {
    public var label: String
    public var value: Double
    public var isTotal: Bool
    public init(label: String, value: Double, isTotal: Bool = false) {
      self.label = label
      self.value = value
      self.isTotal = isTotal
    }
  }

  public static func chart(
    id: String, title: String, description: String, steps: [Step], context: ReportContext,
    format: @escaping (Double) -> String
  ) -> Chart {
    let l = context.l
    let width = 760.0
    let labelWidth = 240.0
    let left = labelWidth + 14
    let right = width - 80
    let layout = RowLayout(
      labels: steps.map(\.label), top: 26, labelWidth: labelWidth - 10, maxLines: 3, minimumHeight: 20, gap: 3)
    var running = 0.0
    var extents: [Double] = [0]
    var spans: [(Double, Double)] = []
    for step in steps {
      if step.isTotal {
        spans.append((0, step.value))
        running = step.value
      } else {
        spans.append((running, running + step.value))
        running += step.value
      }
      extents += [spans.last!.0, spans.last!.1]
    }
    let scale = LinearScale.including0(extents, range: (left, right))
    var svg = SVGBuilder(width: width, height: max(layout.bottom + 6, 50))
    AxisDrawing.horizontal(
      scale, ticks: AxisDrawing.spaced(scale.ticks(count: 6), scale: scale, format: format), top: 22,
      bottom: layout.bottom, labelY: 16,
      format: format, into: &svg)
    var table = DataTable(columns: [l("report.label.step"), l("report.label.change"), l("report.label.running_total")])
    for (index, step) in steps.enumerated() {
      let row = layout.rows[index]
      layout.drawLabel(index, fullText: step.label, into: &svg, x: labelWidth)
      let (from, to) = spans[index]
      let x0 = scale.position(min(from, to))
      let x1 = scale.position(max(from, to))
      let fill = step.isTotal ? Palette.ink : (step.value >= 0 ? Palette.blue : Palette.vermillion)
      svg.rect(
        x: x0, y: row.middle - 6, width: max(x1 - x0, 1), height: 12, fill: fill,
        title: "\(step.label): \(format(step.value))")
      if index + 1 < steps.count {
        svg.line(
          x1: scale.position(to), y1: row.middle + 6, x2: scale.position(to), y2: layout.rows[index + 1].middle - 6,
          stroke: Palette.grey, extra: "stroke-dasharray=\"2 2\"")
      }
      let text = step.isTotal ? format(step.value) : context.numbers.signed(format(step.value), step.value)
      svg.text(text, x: x1 + 4, y: row.middle + 4, size: 10, fill: "#444")
      table.rows.append([
        .text(step.label), .number(step.value, display: text), .number(to, display: format(to)),
      ])
    }
    return Chart(
      id: id, title: title, description: description, svg: svg.svg(id: id, title: title, description: description),
      table: table)
  }
}
