internal import Localization

/// Each outcome's indicator on one common track: baseline at the left end, the stakeholders'
/// threshold at the right mark, the actual value as a dot and the target as a diamond, so that
/// indicators of any unit and direction read alike.
public enum OutcomeProgress {
  public static func chart(
    id: String, outcomes: [ProjectSheetInput.Outcome], scheme: ReportScheme, context: ReportContext
  ) -> Chart {
    let l = context.l
    let numbers = context.numbers
    let width = 760.0
    let labelWidth = 240.0
    let left = labelWidth + 20
    let right = width - 30
    let labels = outcomes.map { outcome in
      (outcome.indicator.isEmpty ? outcome.id : outcome.indicator) + " (" + scheme.domainLabel(outcome.domain) + ")"
    }
    let layout = RowLayout(labels: labels, top: 30, labelWidth: labelWidth - 10, maxLines: 3, minimumHeight: 30, gap: 4)
    func position(_ value: Double?, _ outcome: ProjectSheetInput.Outcome) -> Double? {
      guard let value, let baseline = outcome.baseline, let threshold = outcome.threshold, threshold != baseline else {
        return nil
      }
      return (value - baseline) / (threshold - baseline)
    }
    var highest = 1.25
    for outcome in outcomes {
      for value in [position(outcome.actual, outcome), position(outcome.target, outcome)].compactMap({ $0 }) {
        highest = max(highest, min(value, 2.5))
      }
    }
    let scale = LinearScale(domain: -0.25...highest, range: (left, right))
    var svg = SVGBuilder(width: width, height: layout.bottom + 24)
    // Legend.
    svg.circle(cx: left + 5, cy: 11, r: 5, fill: Palette.blue)
    svg.text(l("label.actual"), x: left + 14, y: 15, size: 10)
    let second = left + 34 + TextMeasure.width(l("label.actual"), fontSize: 10)
    svg.raw("<path d=\"M\(SVGBuilder.number(second)) 11 l5 -5 l5 5 l-5 5 z\" fill=\"\(Palette.orange)\"/>")
    svg.text(l("label.target"), x: second + 14, y: 15, size: 10)
    let third = second + 34 + TextMeasure.width(l("label.target"), fontSize: 10)
    svg.line(x1: third, y1: 4, x2: third, y2: 18, stroke: Palette.ink, extra: "stroke-width=\"2\"")
    svg.text(l("label.threshold"), x: third + 6, y: 15, size: 10)
    var table = DataTable(columns: [
      l("label.outcome"), l("label.indicator"), l("label.baseline"), l("label.actual"), l("label.threshold"),
      l("label.target"),
      l("report.label.gap_closed"), l("report.label.progress_to_target"),
    ])
    for (index, outcome) in outcomes.enumerated() {
      let row = layout.rows[index]
      layout.drawLabel(index, fullText: labels[index], into: &svg, x: labelWidth)
      let zero = scale.position(0)
      let one = scale.position(1)
      svg.rect(x: zero, y: row.middle - 3, width: one - zero, height: 6, fill: Palette.lightGrey)
      svg.line(x1: zero, y1: row.middle - 8, x2: zero, y2: row.middle + 8, stroke: Palette.grey)
      svg.line(
        x1: one, y1: row.middle - 9, x2: one, y2: row.middle + 9, stroke: Palette.ink, extra: "stroke-width=\"2\"")
      if let target = position(outcome.target, outcome) {
        let x = scale.clampedPosition(target)
        svg.raw(
          "<path d=\"M\(SVGBuilder.number(x - 5)) \(SVGBuilder.number(row.middle)) l5 -5 l5 5 l-5 5 z\" fill=\"\(Palette.orange)\"><title>\(HTMLText.escape(l("label.target"))): \(HTMLText.escape(numbers.decimal(outcome.target ?? 0, places: 1)))</title></path>"
        )
      }
      if let actual = position(outcome.actual, outcome) {
        let x = scale.clampedPosition(actual)
        svg.circle(
          cx: x, cy: row.middle, r: 5, fill: Palette.blue,
          title: "\(l("label.actual")): \(numbers.decimal(outcome.actual ?? 0, places: 1))")
      } else if outcome.baseline == nil || outcome.threshold == nil {
        svg.text(l("report.outcomes.no_indicator"), x: zero + 4, y: row.middle - 6, size: 9, fill: "#555")
      }
      svg.text(
        outcome.baseline.map { numbers.decimal($0, places: 1) } ?? "", x: zero, y: row.middle + 19, anchor: "middle",
        size: 9, fill: "#555")
      svg.text(
        outcome.threshold.map { numbers.decimal($0, places: 1) } ?? "", x: one, y: row.middle + 19, anchor: "middle",
        size: 9, fill: "#555")
      func cell(_ value: Double?) -> DataCell {
        value.map { .number($0, display: numbers.decimal($0, places: 1)) } ?? .missing
      }
      func percent(_ value: Double?) -> DataCell {
        value.map { .number($0, display: numbers.percent($0, places: 0)) } ?? .missing
      }
      table.rows.append([
        .text(outcome.id), .text(outcome.indicator + (outcome.unit.isEmpty ? "" : " (\(outcome.unit))")),
        cell(outcome.baseline), cell(outcome.actual),
        cell(outcome.threshold), cell(outcome.target), percent(outcome.gapClosed), percent(outcome.progressToTarget),
      ])
    }
    let title = l("report.outcomes.title")
    let description = l("report.outcomes.desc")
    return Chart(
      id: id, title: title, description: description, svg: svg.svg(id: id, title: title, description: description),
      table: table)
  }
}
