/// Input refused because it breaks rules of the method: lists the first problems
/// (``Validator/maximumIssues``) and counts the others.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The problems listed, in the order they were found.
  public var issues: [ValidationIssue]
  /// How many more problems were found but not listed.
  public var omittedCount: Int

  public init(issues: [ValidationIssue], omittedCount: Int = 0) {
    self.issues = issues
    self.omittedCount = omittedCount
  }

  /// Every problem found, listed or not.
  public var totalCount: Int { issues.count + omittedCount }

  public var description: String {
    let count = totalCount == 1 ? "1 problem" : "\(totalCount) problems"
    var text = "invalid input, \(count):\n" + issues.map { "  - \($0)" }.joined(separator: "\n")
    if omittedCount > 0 { text += "\n  … and \(omittedCount) more" }
    return text
  }
}
