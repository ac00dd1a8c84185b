/// One project's children as they are read, with their `position`; handed over in position
/// order, moved rather than copied when they came in that order (the usual case).
struct PositionedChildren<Child> {
  private var children: [Child] = []
  private var positions: [Int64] = []
  private var ordered = true

  var isEmpty: Bool { children.isEmpty }

  mutating func append(_ child: Child, position: Int64) {
    if let last = positions.last, last >= position { ordered = false }
    children.append(child)
    positions.append(position)
  }

  /// The children in position order; leaves this empty.
  mutating func take() -> [Child] {
    defer {
      positions.removeAll(keepingCapacity: true)
      ordered = true
    }
    var taken: [Child] = []
    swap(&taken, &children)
    guard !ordered else { return taken }
    let positions = positions
    return taken.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }.map { taken[$0] }
  }
}
