/// How an import meets the projects already stored.
public enum ImportMode: Sendable, Hashable {
  /// Creates new projects and replaces those with the same id; others stay.
  case upsert
  /// The imported projects become the whole portfolio.
  case replace
}
