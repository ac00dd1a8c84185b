import Analytics

/// The children of one project at a time (outcomes), read in key order and put in `position`
/// order when their project is complete.
struct ChildGroups<Child> {
  private let children: WritableKeyPath<Project, [Child]>
  private let table: String
  private var walk = ProjectWalk()
  private var current: Int?
  private var pending = PositionedChildren<Child>()

  init(_ children: WritableKeyPath<Project, [Child]>, table: String) {
    self.children = children
    self.table = table
  }

  /// Moves to the project of the next row; returns its index in `projects`.
  mutating func project(_ projectID: String, in projects: inout [Project]) throws -> Int {
    let index = try walk.index(of: projectID, in: projects, table: table)
    if index != current {
      finish(in: &projects)
      current = index
    }
    return index
  }

  mutating func append(_ child: Child, position: Int64) {
    pending.append(child, position: position)
  }

  /// Stores the pending children in their project.
  mutating func finish(in projects: inout [Project]) {
    guard let current, !pending.isEmpty else { return }
    projects[current][keyPath: children] = pending.take()
  }
}
