/// A rectangle of a chart, in SVG user units (y grows downwards).
public struct Box: Sendable, Equatable {
  public var x: Double
  public var y: Double
  public var width: Double
  public var height: Double

  public init(x: Double, y: Double, width: Double, height: Double) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// Whether the two boxes share some area (touching edges do not count).
  public func overlaps(_ other: Box) -> Bool {
    x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
  }

  /// Whether `other` lies wholly inside this box.
  public func contains(_ other: Box) -> Bool {
    other.x >= x && other.y >= y && other.x + other.width <= x + width && other.y + other.height <= y + height
  }
}

/// Places short labels beside points so that no two labels overlap each other, nor leave the
/// plot: for each point, in order of importance, the first free position among eight around
/// it. A label with no free position is not drawn; the chart's table still names the point.
public struct LabelPlacer: Sendable {
  /// The area labels must stay inside.
  public var bounds: Box
  /// The boxes already taken (placed labels, and anything the caller reserves).
  public private(set) var taken: [Box] = []

  public init(bounds: Box) {
    self.bounds = bounds
  }

  /// Reserves `box` so that no label is placed over it.
  public mutating func reserve(_ box: Box) { taken.append(box) }

  /// The box of a label of `width` × `height` beside the point (`x`, `y`) at `distance`, or nil
  /// when every position overlaps a taken box or leaves the bounds. The box is then taken.
  public mutating func place(x: Double, y: Double, distance: Double, width: Double, height: Double) -> Box? {
    let d = distance
    let candidates = [
      Box(x: x + d, y: y - height / 2, width: width, height: height),
      Box(x: x - d - width, y: y - height / 2, width: width, height: height),
      Box(x: x - width / 2, y: y - d - height, width: width, height: height),
      Box(x: x - width / 2, y: y + d, width: width, height: height),
      Box(x: x + d * 0.7, y: y - d * 0.7 - height, width: width, height: height),
      Box(x: x - d * 0.7 - width, y: y - d * 0.7 - height, width: width, height: height),
      Box(x: x + d * 0.7, y: y + d * 0.7, width: width, height: height),
      Box(x: x - d * 0.7 - width, y: y + d * 0.7, width: width, height: height),
    ]
    for candidate in candidates where bounds.contains(candidate) && !taken.contains(where: { $0.overlaps(candidate) }) {
      taken.append(candidate)
      return candidate
    }
    return nil
  }
}
