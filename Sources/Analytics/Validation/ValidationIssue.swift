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
  /// The values the message quotes, by name (`value`, `bound`, `scheme`...), so that the daemon
  /// can say the same thing in another language: `message` is English.
  public var values: [String: String]

  public init(
    path: String, projectID: String?, outcomeID: String?, field: String, rule: ValidationRule,
    message: String, values: [String: String] = [:]
  ) {
    self.path = path
    self.projectID = projectID
    self.outcomeID = outcomeID
    self.field = field
    self.rule = rule
    self.message = message
    self.values = values
  }

  public var description: String { "\(path): \(message)" }
}
