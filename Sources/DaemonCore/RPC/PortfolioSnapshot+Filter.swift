import Analytics
import ImpactAPI

extension PortfolioSnapshot {
  /// The filter `message` asks for, as this snapshot spells its programmes, territories and
  /// domains: every RPC that takes a filter matches it ignoring case and accents, and accepts a
  /// domain's label for its id (see ``ProjectFilter/resolved(in:scheme:)``).
  func filter(_ message: Impact_V1_ProjectFilter, fieldPath: String = "filter") throws -> ProjectFilter {
    try resolvedFilter(message, fieldPath: fieldPath).filter
  }

  /// The filter `message` asks for, with its values that name nothing in this snapshot.
  func resolvedFilter(
    _ message: Impact_V1_ProjectFilter, fieldPath: String = "filter"
  ) throws -> (filter: ProjectFilter, unmatched: [UnmatchedFilterValue]) {
    try ProjectFilter(proto: message, fieldPath: fieldPath).resolved(in: projects, scheme: scheme)
  }
}
