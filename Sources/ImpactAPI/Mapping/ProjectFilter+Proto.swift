public import Analytics

extension Impact_V1_ProjectFilter {
  /// The message of `filter`, each list sorted so equal filters give equal messages.
  public init(_ filter: ProjectFilter) {
    self.init()
    statuses = ProjectStatus.allCases.filter { filter.statuses.contains($0) }.map { Impact_V1_ProjectStatus($0) }
    programmes = filter.programmes.sorted()
    territories = filter.territories.sorted()
    domains = filter.domains.sorted()
  }
}

extension ProjectFilter {
  /// The filter `proto` describes; an UNSPECIFIED or unknown status is refused, naming
  /// `fieldPath` (`filter.statuses[1]`).
  public init(proto: Impact_V1_ProjectFilter, fieldPath: String = "filter") throws(APIMappingError) {
    var statuses: Set<ProjectStatus> = []
    for (index, status) in proto.statuses.enumerated() {
      statuses.insert(try ProjectStatus(proto: status, fieldPath: "\(fieldPath).statuses[\(index)]"))
    }
    self.init(
      statuses: statuses,
      programmes: Set(proto.programmes),
      territories: Set(proto.territories),
      domains: Set(proto.domains)
    )
  }
}
