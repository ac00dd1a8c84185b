public import Analytics

/// The whole stored portfolio at one revision, as the daemon loads it at start-up.
public struct StoredState: Sendable, Hashable {
  /// 0 for a store that never committed a change.
  public var revision: Int64
  /// The active scheme; `Scheme.impactV1` until one is set.
  public var scheme: Scheme
  /// In portfolio order (insertion order, with replaced projects kept in place), or in id
  /// order from ``ImpactDatabase/loadStateInIDOrder()``.
  public var projects: [Project]

  public init(revision: Int64, scheme: Scheme, projects: [Project]) {
    self.revision = revision
    self.scheme = scheme
    self.projects = projects
  }
}
