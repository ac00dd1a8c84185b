/// A scheme refused whole because it breaks one or more rules; lists every issue.
public struct SchemeError: Error, Sendable, Hashable, CustomStringConvertible {
  public var schemeID: String
  public var issues: [SchemeIssue]

  public init(schemeID: String, issues: [SchemeIssue]) {
    self.schemeID = schemeID
    self.issues = issues
  }

  public var description: String {
    "scheme \(schemeID) is refused:\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
  }
}
