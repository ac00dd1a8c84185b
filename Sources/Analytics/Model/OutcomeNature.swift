/// Whether an outcome creates a positive change (`solution`) or reduces a harm (`mitigation`).
///
/// A mitigation outcome that changed and that the project contributed to is class `A`
/// (act to avoid harm); a solution outcome is class `C` (contribute to solutions).
public enum OutcomeNature: String, Sendable, Hashable, CaseIterable, Codable {
  case solution
  case mitigation
}
