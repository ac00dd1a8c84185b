import Analytics
import ImpactStorage

/// An import's projects sorted against the snapshot it applies to: created, updated (with the
/// stored project each replaces) or unchanged. Built a chunk at a time by a streamed import,
/// at once by an import given whole; both then decide the same summary and refusals.
struct ImportClassification {
  let before: PortfolioSnapshot
  private(set) var created = 0
  private(set) var unchanged = 0
  private(set) var updates: [(stored: Project, imported: Project)] = []
  /// The created and updated projects, in document order.
  private(set) var changed: [Project] = []
  /// Every id of the document so far.
  private(set) var ids: Set<String> = []

  init(before: PortfolioSnapshot) {
    self.before = before
  }

  /// What an imported project is to the stored portfolio.
  enum Kind {
    case created, updated, unchanged
  }

  /// Sorts `project`; returns what it is.
  @discardableResult
  mutating func add(_ project: Project) -> Kind {
    ids.insert(project.id)
    if let stored = before.project(project.id) {
      guard !stored.hasSameContent(as: project) else {
        unchanged += 1
        return .unchanged
      }
      updates.append((stored, project))
      changed.append(project)
      return .updated
    }
    created += 1
    changed.append(project)
    return .created
  }

  /// The stored projects a replacement leaves out.
  func removed(mode: ImportMode) -> [Project] {
    mode == .replace ? before.projects.filter { !ids.contains($0.id) } : []
  }

  /// The import's summary; unless `validateOnly`, refuses it (``StoreError``) when it would
  /// delete more than half of the stored projects or undo newer work and `safeguards` do not
  /// allow it. `recordedValues` gives when the replaced ratings and observations were recorded.
  func summary(
    removed: [Project], schemeChanged: Bool, safeguards: ImportSafeguards, validateOnly: Bool,
    recordedValues: ([String]) throws -> [String: RecordedValues]
  ) throws -> ImportSummary {
    let comparison = try ImportComparison(
      updates: updates, deletions: removed, safeguards: safeguards, recordedValues: recordedValues)
    var summary = ImportSummary(
      created: created, updated: updates.count, unchanged: unchanged, deleted: removed.count,
      revision: before.revision)
    summary.storedBefore = before.projects.count
    summary.schemeChanged = schemeChanged
    (summary.projects, summary.projectsLeftOut) = comparison.listed(limit: ImportSummary.maximumListed)
    summary.newerCount = comparison.newerCount
    summary.documentRevision = safeguards.documentRevision
    guard !validateOnly else { return summary }
    if !safeguards.confirmLargeDeletion, removed.count * 2 > before.projects.count {
      throw StoreError.largeDeletion(deleted: removed.count, stored: before.projects.count)
    }
    if !safeguards.overwriteNewer, summary.newerCount > 0 {
      throw StoreError.newerThanDocument(comparison.newerWork, safeguards: safeguards)
    }
    return summary
  }
}
