/// The Impact Frontiers ABC class of an outcome or a project, with a harm gate.
///
/// - `harm`: a significant negative outcome that is not improving.
/// - `A` (act to avoid harm): a mitigation outcome that changed and that the project contributed to.
/// - `B` (benefit stakeholders): the level is at or past the stakeholders' threshold.
/// - `C` (contribute to solutions): a solution outcome that changed and that the project contributed to.
/// - `none`: none of the above.
public enum ImpactClass: String, Sendable, Hashable, CaseIterable, Codable {
  case harm = "harm"
  case actToAvoidHarm = "A"
  case benefitStakeholders = "B"
  case contributeToSolutions = "C"
  case unclassified = "none"

  /// The precedence of the project class: harm, then C, then B, then A, then none.
  var projectPrecedence: Int {
    switch self {
    case .harm: 4
    case .contributeToSolutions: 3
    case .benefitStakeholders: 2
    case .actToAvoidHarm: 1
    case .unclassified: 0
    }
  }
}
