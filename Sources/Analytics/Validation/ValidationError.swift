/// Input refused because it breaks rules of the method; lists every problem, not only the first.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
  public var issues: [ValidationIssue]

  public init(issues: [ValidationIssue]) {
    self.issues = issues
  }

  public var description: String {
    let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
    return "invalid input, \(count):\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
  }
}
