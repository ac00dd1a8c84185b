/// One rule a scheme breaks: where (`criteria[1].weight`, relative to the scheme), which rule,
/// and a message naming the rule and the value.
public struct SchemeIssue: Sendable, Hashable, CustomStringConvertible {
  public var path: String
  public var rule: SchemeRule
  public var message: String
  /// The values the message quotes, by name (`value`, `level`...), so that the daemon can say
  /// the same thing in another language: `message` is English.
  public var values: [String: String]

  public init(path: String, rule: SchemeRule, message: String, values: [String: String] = [:]) {
    self.path = path
    self.rule = rule
    self.message = message
    self.values = values
  }

  public var description: String { "scheme.\(path): \(message)" }
}
