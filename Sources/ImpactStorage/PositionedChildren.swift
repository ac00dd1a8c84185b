/// One project's children as they are read, with their `position`, handed over in position
/// order.
///
/// The rows of every project pass through one buffer that keeps its capacity, so each
/// project's array is allocated once, at its final size (appending to a fresh array per
/// project would grow it two or three times, and sorting it would allocate again).
struct PositionedChildren<Child> {
  private var pending: [(position: Int64, child: Child)] = []
  private var ordered = true

  var isEmpty: Bool { pending.isEmpty }

  mutating func append(_ child: Child, position: Int64) {
    if let last = pending.last, last.position >= position { ordered = false }
    pending.append((position, child))
  }

  /// The children in position order (rows of equal position in the order they were read);
  /// leaves this empty.
  mutating func take() -> [Child] {
    if !ordered {
      // In place; the sort is stable, and projects have few children.
      pending.sort { $0.position < $1.position }
      ordered = true
    }
    let children = pending.map(\.child)
    pending.removeAll(keepingCapacity: true)
    return children
  }
}
