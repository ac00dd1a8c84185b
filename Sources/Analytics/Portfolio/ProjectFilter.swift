/// A selection of projects by status, programme, territory and domain. An empty set selects
/// everything on that axis; a project is in a domain when one of its outcomes is.
public struct ProjectFilter: Sendable, Hashable {
  public var statuses: Set<ProjectStatus>
  public var programmes: Set<String>
  public var territories: Set<String>
  /// Domain ids.
  public var domains: Set<String>

  /// Every project.
  public static let all = ProjectFilter()

  public init(
    statuses: Set<ProjectStatus> = [],
    programmes: Set<String> = [],
    territories: Set<String> = [],
    domains: Set<String> = []
  ) {
    self.statuses = statuses
    self.programmes = programmes
    self.territories = territories
    self.domains = domains
  }

  /// Whether the filter selects every project.
  public var selectsAll: Bool {
    statuses.isEmpty && programmes.isEmpty && territories.isEmpty && domains.isEmpty
  }

  public func matches(_ score: ProjectScore) -> Bool {
    matches(status: score.status, programme: score.programme, territory: score.territory)
      && (domains.isEmpty || score.outcomes.contains { domains.contains($0.domain) })
  }

  public func matches(_ project: Project) -> Bool {
    matches(status: project.status, programme: project.programme, territory: project.territory)
      && (domains.isEmpty || project.outcomes.contains { domains.contains($0.domain) })
  }

  func matches(status: ProjectStatus, programme: String, territory: String) -> Bool {
    (statuses.isEmpty || statuses.contains(status))
      && (programmes.isEmpty || programmes.contains(programme))
      && (territories.isEmpty || territories.contains(territory))
  }
}
