public import Analytics

extension Impact_V1_RankChange {
  /// The message of `change`.
  public init(_ change: RankChange) {
    self.init()
    projectID = change.projectID
    if let before = change.before { rankBefore = Int32(clamping: before) }
    if let after = change.after { rankAfter = Int32(clamping: after) }
    kind = Impact_V1_RankChangeKind(change.kind)
  }
}

extension Impact_V1_RankChangeKind {
  /// The message value of `kind`.
  public init(_ kind: RankChange.Kind) {
    switch kind {
    case .added: self = .added
    case .removed: self = .removed
    case .moved: self = .moved
    case .unchanged: self = .unchanged
    }
  }
}
