/// How a project's rank moves under a what-if.
public struct RankChange: Sendable, Hashable {
  /// What happened to the project.
  public enum Kind: String, Sendable, Hashable {
    case added
    case removed
    case moved
    /// A replaced project whose rank stayed the same.
    case unchanged
  }

  public var projectID: String
  /// The rank before, `nil` for an added project or one outside the selection.
  public var before: Int?
  /// The rank after, `nil` for a removed project or one outside the selection.
  public var after: Int?
  public var kind: Kind

  public init(projectID: String, before: Int?, after: Int?, kind: Kind) {
    self.projectID = projectID
    self.before = before
    self.after = after
    self.kind = kind
  }
}
