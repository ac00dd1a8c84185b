/// One rule a scheme breaks: where (`criteria[1].weight`, relative to the scheme), which rule,
/// and a message naming the rule and the value.
public struct SchemeIssue: Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var rule: SchemeRule
  public var message: String

  public init(path: String, rule: SchemeRule, message: String) {
    self.path = path
    self.rule = rule
    self.message = message
  }

  public var description: String { "scheme.\(path): \(message)" }
}
