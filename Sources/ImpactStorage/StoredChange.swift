public import Analytics
public import Foundation

/// One change to the stored portfolio, committed in one transaction with one journal row.
public enum StoredChange: Sendable, Hashable {
  /// Inserts new projects (appended in the given order) and replaces existing ones whole,
  /// in place. A project's ratings that are new or changed are added to the rating history.
  case upsertProjects([Project])
  /// Deletes projects with their outcomes, risks and current ratings. Every id must exist.
  case deleteProjects([String])
  /// Makes the portfolio exactly these projects, in this order (an atomic import); with a
  /// scheme, also makes it the active one, in the same transaction. `changed` names the
  /// projects that differ from the stored ones (created or updated): the others are only
  /// moved to their place, and the journal lists the changed and deleted ones; `nil` means
  /// every project changed.
  case replacePortfolio([Project], scheme: Scheme? = nil, changed: Set<String>? = nil)
  /// Stores the scheme and makes it the active one.
  case setScheme(Scheme)
  /// Keeps the observation for good and makes its value the outcome's `actual`.
  case recordObservation(Observation)
  /// Records a rater's rating of a criterion, given at `at`, replacing their earlier rating of
  /// that criterion (which stays in the rating history) and moving it last, as
  /// `Project.record(_:)` does.
  case recordRating(projectID: String, Rating, at: Date)
  /// Stores a named snapshot of the portfolio (refused when the name is taken). The portfolio
  /// itself does not change.
  case createSnapshot(StoredSnapshot)
  /// Deletes a named snapshot (refused when there is none). The portfolio does not change.
  case deleteSnapshot(name: String)
  /// Stores `version` of the organisation's framework (an `impact-framework/1` document,
  /// checked by the store), set by `setBy`; it becomes the active one. The portfolio does not
  /// change.
  case setFramework(document: String, version: Int64, setBy: String)

  /// The journal kind of this change.
  public var kind: ChangeKind {
    switch self {
    case .upsertProjects: .upsertProjects
    case .deleteProjects: .deleteProjects
    case .replacePortfolio: .replacePortfolio
    case .setScheme: .setScheme
    case .recordObservation: .recordObservation
    case .recordRating: .recordRating
    case .createSnapshot: .createSnapshot
    case .deleteSnapshot: .deleteSnapshot
    case .setFramework: .setFramework
    }
  }
}
