internal import Localization

/// Draws a horizontal value axis: grid lines across the plot and tick labels above or below.
enum AxisDrawing {
  static func horizontal(
    _ scale: LinearScale, ticks: [Double], top: Double, bottom: Double, labelY: Double,
    format: (Double) -> String, into svg: inout SVGBuilder
  ) {
    for tick in ticks {
      let x = scale.position(tick)
      svg.line(x1: x, y1: top, x2: x, y2: bottom, stroke: tick == 0 ? Palette.axis : Palette.lightGrey)
      svg.text(format(tick), x: x, y: labelY, anchor: "middle", size: 10, fill: "#555")
    }
  }

  /// Drops ticks whose labels would overlap their neighbour's.
  static func spaced(
    _ ticks: [Double], scale: LinearScale, format: (Double) -> String, fontSize: Double = 10
  ) -> [Double] {
    var kept: [Double] = []
    var lastRight = -Double.infinity
    for tick in ticks {
      let width = TextMeasure.width(format(tick), fontSize: fontSize)
      let x = scale.position(tick)
      if x - width / 2 > lastRight + 4 {
        kept.append(tick)
        lastRight = x + width / 2
      }
    }
    return kept
  }
}
