/// A document that could not be read, with every problem found.
///
/// A syntax error stops reading, so it is the only issue; problems of content (a wrong type,
/// an unknown key, an unknown project id) are collected so one pass reports them all.
/// `source`, `line`, `column`, `path` and `message` are those of the first issue.
public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Never empty.
  public var issues: [FormatIssue]

  /// An empty list becomes one issue saying so, so that `issues[0]` always exists.
  public init(issues: [FormatIssue]) {
    self.issues =
      issues.isEmpty ? [FormatIssue(source: "document", message: "unreadable document")] : issues
  }

  public init(_ issue: FormatIssue) {
    self.issues = [issue]
  }

  public var source: String { issues[0].source }
  public var line: Int? { issues[0].line }
  public var column: Int? { issues[0].column }
  public var path: String? { issues[0].path }
  public var message: String { issues[0].message }

  public var description: String {
    issues.map(\.description).joined(separator: "\n")
  }
}
