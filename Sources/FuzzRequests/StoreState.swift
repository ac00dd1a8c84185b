import Analytics
import DaemonCore
import ImpactStorage
import ImpactStore

/// The state a refused request must leave as it was: the store's revision, the database's
/// revision, the scheme and every project.
struct StoreState: Equatable {
  var revision: Int64
  var databaseRevision: Int64
  var scheme: Scheme
  var projects: [Project]

  static func capture(_ store: PortfolioStore) throws -> StoreState {
    let snapshot = store.snapshot
    return StoreState(
      revision: snapshot.revision,
      databaseRevision: try store.storage.currentRevision(),
      scheme: snapshot.scheme,
      projects: snapshot.projects
    )
  }

  /// What differs from `other`, for a violation's message.
  func differences(from other: StoreState) -> String {
    var parts: [String] = []
    if revision != other.revision { parts.append("store revision \(other.revision) → \(revision)") }
    if databaseRevision != other.databaseRevision {
      parts.append("database revision \(other.databaseRevision) → \(databaseRevision)")
    }
    if scheme != other.scheme { parts.append("scheme \(other.scheme.id) → \(scheme.id)") }
    if projects != other.projects {
      let before = Dictionary(other.projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      let after = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
      parts.append("projects changed: \(changed.prefix(5).joined(separator: ", "))")
    }
    return parts.joined(separator: "; ")
  }
}
