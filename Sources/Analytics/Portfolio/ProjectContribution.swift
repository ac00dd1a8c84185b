/// A project's contribution to the selection's global impact: a_i R_i / Σ_j a_j R_j.
public struct ProjectContribution: Sendable, Hashable {
  public var projectID: String
  public var contribution: Double

  public init(projectID: String, contribution: Double) {
    self.projectID = projectID
    self.contribution = contribution
  }
}
