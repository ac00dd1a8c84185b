/// One rule a project breaks: where, which rule, and a message naming the project, the
/// outcome, the field, the value and the rule.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
  /// Full path with ids, e.g. `projects[chantier-insertion-lyon].outcomes[emploi-durable].threshold`.
  public var path: String
  public var projectID: String?
  public var outcomeID: String?
  /// The field within the project or outcome (`threshold`, `risks.external`, `ratings[2].value`).
  public var field: String
  public var rule: ValidationRule
  public var message: String

  public init(
    path: String, projectID: String?, outcomeID: String?, field: String, rule: ValidationRule,
    message: String
  ) {
    self.path = path
    self.projectID = projectID
    self.outcomeID = outcomeID
    self.field = field
    self.rule = rule
    self.message = message
  }

  public var description: String { "\(path): \(message)" }
}
