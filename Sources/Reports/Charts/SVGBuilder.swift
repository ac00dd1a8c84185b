/// Writes the elements of one SVG chart. Numbers are printed with at most two decimals so that
/// the same inputs always give the same bytes, and every text is escaped.
public struct SVGBuilder: Sendable {
  /// The chart's width and height, in user units.
  public var width: Double
  public var height: Double
  private var body: [String] = []

  public init(width: Double, height: Double) {
    self.width = width
    self.height = height
    body.reserveCapacity(256)
  }

  /// A coordinate or length as SVG text: two decimals at most, no trailing zeros.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let hundredths = (value * 100).rounded()
    if hundredths == 0 { return "0" }
    let negative = hundredths < 0
    let magnitude = Int64(abs(hundredths))
    var text = String(magnitude / 100)
    let fraction = magnitude % 100
    if fraction != 0 {
      text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
    }
    return negative ? "-" + text : text
  }

  private static func n(_ value: Double) -> String { number(value) }

  /// A rectangle; `title` becomes its tooltip.
  public mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "", title: String? = nil
  ) {
    let attributes =
      "x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(0, width)))\" height=\"\(Self.n(max(0, height)))\" fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)"
    if let title {
      body.append("<rect \(attributes)><title>\(HTMLText.escape(title))</title></rect>")
    } else {
      body.append("<rect \(attributes)/>")
    }
  }

  /// A line.
  public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, extra: String = "") {
    body.append(
      "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\"\(extra.isEmpty ? "" : " " + extra)/>"
    )
  }

  /// A circle; `title` becomes its tooltip.
  public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, extra: String = "", title: String? = nil)
  {
    let attributes =
      "cx=\"\(Self.n(cx))\" cy=\"\(Self.n(cy))\" r=\"\(Self.n(r))\" fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)"
    if let title {
      body.append("<circle \(attributes)><title>\(HTMLText.escape(title))</title></circle>")
    } else {
      body.append("<circle \(attributes)/>")
    }
  }

  /// A polyline through `points`.
  public mutating func polyline(_ points: [(Double, Double)], stroke: String, extra: String = "") {
    let list = points.map { "\(Self.n($0.0)),\(Self.n($0.1))" }.joined(separator: " ")
    body.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\"\(extra.isEmpty ? "" : " " + extra)/>")
  }

  /// A text; `anchor` is start, middle or end; `title` becomes its tooltip.
  public mutating func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 11, fill: String = "#222",
    extra: String = "", title: String? = nil
  ) {
    let anchorAttribute = anchor == "start" ? "" : " text-anchor=\"\(anchor)\""
    let tooltip = title.map { "<title>\(HTMLText.escape($0))</title>" } ?? ""
    body.append(
      "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\"\(anchorAttribute) font-size=\"\(Self.n(size))\" fill=\"\(fill)\"\(extra.isEmpty ? "" : " " + extra)>\(tooltip)\(HTMLText.escape(content))</text>"
    )
  }

  /// Lines of text one under the other, the first baseline at `y`.
  public mutating func lines(
    _ lines: [String], x: Double, y: Double, lineHeight: Double, anchor: String = "start", size: Double = 11,
    fill: String = "#222", title: String? = nil
  ) {
    for (index, content) in lines.enumerated() {
      text(
        content, x: x, y: y + Double(index) * lineHeight, anchor: anchor, size: size, fill: fill,
        title: index == 0 ? title : nil)
    }
  }

  /// Raw SVG markup the caller built (a pattern definition).
  public mutating func raw(_ markup: String) { body.append(markup) }

  /// The finished `<svg>` element: `title` and `description` as its accessible name and
  /// description, ids prefixed with `id`.
  public func svg(id: String, title: String, description: String) -> String {
    let head =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\" font-family=\"inherit\">"
      + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title><desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"
    return head + body.joined() + "</svg>"
  }
}
