/// The kind of a committed change, as written in the `journal.kind` column.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
  case upsertProjects = "upsert_projects"
  case deleteProjects = "delete_projects"
  case replacePortfolio = "replace_portfolio"
  case setScheme = "set_scheme"
  case recordObservation = "record_observation"
  case recordRating = "record_rating"
  case createSnapshot = "create_snapshot"
  case deleteSnapshot = "delete_snapshot"
  case setFramework = "set_framework"

  /// Whether the change leaves the portfolio and the scheme as they were (a replay skips it):
  /// a named snapshot, or the organisation's framework.
  public var keepsPortfolio: Bool {
    self == .createSnapshot || self == .deleteSnapshot || self == .setFramework
  }
}
