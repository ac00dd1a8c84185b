public import Analytics

extension Impact_V1_ProjectContribution {
  /// The message of a project's contribution.
  public init(_ contribution: ProjectContribution) {
    self.init()
    projectID = contribution.projectID
    self.contribution = contribution.contribution
  }
}
