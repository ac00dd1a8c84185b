/// The kind of a committed change, as written in the `journal.kind` column.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
  case upsertProjects = "upsert_projects"
  case deleteProjects = "delete_projects"
  case replacePortfolio = "replace_portfolio"
  case setScheme = "set_scheme"
  case recordObservation = "record_observation"
  case recordRating = "record_rating"
}
