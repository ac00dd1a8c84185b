internal import Localization

/// Rows of a horizontal chart, each with a label wrapped into a column of fixed width: a row is
/// as tall as its label needs, so labels never overlap, however long the names.
public struct RowLayout: Sendable {
  /// One row: its label's lines, its vertical extent, and whether the label was shortened.
  public struct Row: Sendable, Equatable {
    public var lines: [String]
    public var truncated: Bool
    public var y: Double
    public var height: Double
    /// The vertical middle of the row, where its bar is drawn.
    public var middle: Double { y + height / 2 }
    /// The box the label's text takes.
    public func labelBox(x: Double, width: Double, lineHeight: Double) -> Box {
      let textHeight = Double(lines.count) * lineHeight
      return Box(x: x, y: middle - textHeight / 2, width: width, height: textHeight)
    }
  }

  public var rows: [Row]
  /// The y just below the last row.
  public var bottom: Double
  public var lineHeight: Double

  /// Lays out `labels` from `top`, each row at least `minimumHeight` tall plus `gap` below.
  public init(
    labels: [String], top: Double, labelWidth: Double, fontSize: Double = 11, maxLines: Int = 3,
    minimumHeight: Double = 18, gap: Double = 4
  ) {
    lineHeight = fontSize * 1.25
    var y = top
    var rows: [Row] = []
    rows.reserveCapacity(labels.count)
    for label in labels {
      let wrapped = TextMeasure.wrap(label, maxWidth: labelWidth, fontSize: fontSize, maxLines: maxLines)
      let height = max(minimumHeight, Double(wrapped.lines.count) * lineHeight + 2)
      rows.append(Row(lines: wrapped.lines, truncated: wrapped.truncated, y: y, height: height))
      y += height + gap
    }
    self.rows = rows
    bottom = y
  }

  /// Draws row `index`'s label right-aligned at `x` (the end of the label column), with the
  /// full text as a tooltip when it was shortened or always when `alwaysTitle`.
  public func drawLabel(
    _ index: Int, fullText: String, into svg: inout SVGBuilder, x: Double, size: Double = 11, fill: String = Palette.ink
  ) {
    let row = rows[index]
    let first = row.middle - Double(row.lines.count - 1) * lineHeight / 2 + size * 0.35
    svg.lines(
      row.lines, x: x, y: first, lineHeight: lineHeight, anchor: "end", size: size, fill: fill,
      title: row.truncated ? fullText : nil)
  }
}
