import Analytics
import ImpactAPI
import ImpactStore

extension PortfolioSnapshot {
  /// The filter `message` asks for, as this snapshot spells its programmes, territories and
  /// domains: every RPC that takes a filter matches it ignoring case and accents, and accepts a
  /// domain's label for its id (see ``ProjectFilter/resolved(in:scheme:)``).
  func filter(_ message: Impact_V1_ProjectFilter, fieldPath: String = "filter") throws -> ProjectFilter {
    try resolvedFilter(message, fieldPath: fieldPath).filter
  }

  /// The projects `filter` selects, in the snapshot's (id) order; every project, uncopied, for
  /// ``ProjectFilter/all``.
  func projects(selectedBy filter: ProjectFilter) -> [Project] {
    filter == .all ? projects : projects.filter { filter.matches($0) }
  }

  /// The filter `message` asks for, with its values that name nothing in this snapshot.
  func resolvedFilter(
    _ message: Impact_V1_ProjectFilter, fieldPath: String = "filter"
  ) throws -> (filter: ProjectFilter, unmatched: [UnmatchedFilterValue]) {
    // A filter value is compared with every stored value (edit distance for the suggestions):
    // bound its length and the number of values first.
    try RequestText.checkCount(message.statuses.count, field: "\(fieldPath).statuses")
    try RequestText.check(message.programmes, field: "\(fieldPath).programmes", limit: TextLimits.programme)
    try RequestText.check(message.territories, field: "\(fieldPath).territories", limit: TextLimits.territory)
    try RequestText.check(message.domains, field: "\(fieldPath).domains", limit: TextLimits.label)
    return try ProjectFilter(proto: message, fieldPath: fieldPath).resolved(in: projects, scheme: scheme)
  }
}
