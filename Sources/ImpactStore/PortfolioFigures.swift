public import Analytics

/// The whole-portfolio figures of one snapshot: its ranking, summary, and each project's place
/// and contribution. Computed once per revision, on first use, then shared by every read.
public struct PortfolioFigures: Sendable {
  public let summary: PortfolioSummary
  public let ranking: Ranking
  private let places: [String: RankingEntry]
  private let contributions: [String: Double]

  init(scores: [ProjectScore], scheme: Scheme) {
    let analyzer = PortfolioAnalyzer(scheme: scheme)
    summary = analyzer.summary(of: scores)
    ranking = analyzer.ranking(of: scores)
    var places: [String: RankingEntry] = [:]
    places.reserveCapacity(ranking.entries.count)
    for entry in ranking.entries { places[entry.projectID] = entry }
    self.places = places
    var contributions: [String: Double] = [:]
    contributions.reserveCapacity(summary.contributions.count)
    for contribution in summary.contributions { contributions[contribution.projectID] = contribution.contribution }
    self.contributions = contributions
  }

  public func place(of projectID: String) -> RankingEntry? { places[projectID] }

  public func contribution(of projectID: String) -> Double { contributions[projectID] ?? 0 }
}
