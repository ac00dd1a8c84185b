import Analytics
import GRDB

/// The rows of an import, written a part of the document at a time inside the caller's write
/// transaction: the whole document at once for an import given whole (``PortfolioWriter``), or
/// each chunk as it arrives for a streamed one (``ImportTransaction``). Both write the same
/// rows in the same places.
struct ImportRows {
  private let writer: PortfolioWriter
  /// A replacement places every project of the document at its index; an upsert appends the
  /// new ones after the stored ones and leaves the others where they are.
  private let replace: Bool
  /// The position of the next project written.
  private var nextPosition: Int64
  /// Every id of the document so far: a repeated id is refused (the store's validation
  /// refuses it first; this is the database's backstop), and a replacement deletes the stored
  /// projects not among them.
  private var seen: Set<String> = []
  /// The projects written (created or changed), in document order: what the journal names.
  private(set) var touched: [String] = []

  init(writer: PortfolioWriter, replace: Bool) throws {
    self.writer = writer
    self.replace = replace
    nextPosition =
      replace ? 0 : try Int64.fetchOne(writer.db, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM projects") ?? 0
  }

  /// Writes the next `projects` of the document. `changed` says which differ from the stored
  /// ones: an upsert skips the others, a replacement only moves them to their place.
  ///
  /// Rows are written in id order: they then go to the end of each table's B-tree, which
  /// makes a bulk import several times faster than writing in document order.
  mutating func write(_ projects: some Collection<Project>, changed: (Project) -> Bool) throws {
    var placed: [(project: Project, position: Int64, changed: Bool)] = []
    placed.reserveCapacity(projects.count)
    for project in projects {
      guard seen.insert(project.id).inserted else { throw StorageError.duplicateProjectID(project.id) }
      let isChanged = changed(project)
      guard replace || isChanged else { continue }
      placed.append((project, nextPosition, isChanged))
      nextPosition += 1
      if isChanged { touched.append(project.id) }
    }
    placed.sort { $0.project.id < $1.project.id }
    let move = try writer.db.cachedStatement(sql: "UPDATE projects SET position = ? WHERE id = ?")
    for item in placed {
      if item.changed {
        try writer.upsert(item.project, position: item.position, reposition: replace)
      } else {
        // Identical to the stored project: only its place changes.
        try move.execute(arguments: [item.position, item.project.id])
      }
    }
  }

  /// The import's end: a replacement adopts `scheme` (when it carries one) and deletes the
  /// stored projects the document left out. Returns what the journal row keeps: the projects
  /// written then the ones deleted (sorted), and `journalDocument`.
  func finish(scheme: Scheme?, journalDocument: [UInt8]) throws -> PortfolioWriter.Written {
    if let scheme { _ = try writer.activate(scheme) }
    let removed = replace ? try deleteOthers() : []
    return PortfolioWriter.Written(
      projectIDs: touched + removed, payload: JournalPayload.projects([], scheme: scheme), projects: journalDocument)
  }

  /// Deletes the stored projects the document left out; returns their ids, sorted.
  private func deleteOthers() throws -> [String] {
    let removed = try String.fetchAll(writer.db, sql: "SELECT id FROM projects ORDER BY id").filter {
      !seen.contains($0)
    }
    let delete = try writer.db.cachedStatement(sql: "DELETE FROM projects WHERE id = ?")
    for id in removed {
      try delete.execute(arguments: [id])
    }
    return removed
  }
}
