import Analytics

/// A cursor over the projects, read in id order, that moves forward to the project of each
/// child row; child rows come in the same order (both sorted by SQLite's BINARY collation).
struct ProjectWalk {
  private var index = 0

  mutating func index(of projectID: String, in projects: [Project], table: String) throws -> Int {
    while index < projects.count, projects[index].id != projectID {
      index += 1
    }
    guard index < projects.count else {
      throw StorageError.unreadableValue(
        table: table, key: projectID, column: "project_id", detail: "no such project")
    }
    return index
  }
}
