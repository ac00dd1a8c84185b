import GRPCCore
import ImpactAPI
import Localization
import Reports

// The report's history sections from the daemon's HistoryService: the changes since an
// earlier moment (DiffPortfolios, with the attribution of the weighted composite's change)
// and the portfolio's figures over its snapshots (GetTrend).
extension ReportSource {
  var history: Impact_V1_HistoryService.Client<HTTP2Transport> { Impact_V1_HistoryService.Client(wrapping: client) }

  /// Fills the history sections of `input`: the changes since `since` when given, and the
  /// trends when the daemon holds snapshots.
  func addHistory(to input: inout PortfolioReportInput, since: String?, filter: Impact_V1_ProjectFilter?) async throws {
    if let since, let at = AtOptions.selector(since) {
      input.changes = try await changes(since: since, at: at, filter: filter)
    }
    input.trends = try await trends(filter: filter)
  }

  /// What changed between `since` (a snapshot, `rev:N`, a date) and now, for the selection.
  func changes(since typed: String, at: Impact_V1_At, filter: Impact_V1_ProjectFilter?) async throws -> ChangesSince {
    var request = Impact_V1_DiffPortfoliosRequest()
    request.fromAt = at
    if let now = self.at { request.toAt = now }
    if let filter { request.filter = filter }
    request.topMovers = 10
    request.maxProjects = 200
    let response = try await history.diffPortfolios(
      request, metadata: connection.metadata, options: connection.callOptions)
    let l = language.localizer
    let moved = response.changed.filter { $0.hasRankBefore && $0.hasRankAfter && $0.rankBefore != $0.rankAfter }
      .sorted { (abs($0.rankAfter - $0.rankBefore), $1.projectID) > (abs($1.rankAfter - $1.rankBefore), $0.projectID) }
      .prefix(10)
    let attribution = response.attribution
    let causes: [ChangesSince.Cause] = [
      .init(label: l("history.cause.scheme"), delta: attribution.composites.scheme),
      .init(label: l("history.cause.outcome_data"), delta: attribution.composites.outcomeData),
      .init(label: l("history.cause.ratings"), delta: attribution.composites.ratings),
      .init(label: l("history.cause.evidence_and_risks"), delta: attribution.composites.evidenceAndRisks),
      .init(label: l("history.cause.added_projects"), delta: attribution.added),
      .init(label: l("history.cause.removed_projects"), delta: attribution.removed),
      .init(label: l("history.cause.amounts"), delta: attribution.amounts),
    ]
    return ChangesSince(
      since: typed, before: PortfolioFigures(response.before),
      movers: moved.map {
        ChangesSince.Mover(
          id: $0.projectID, name: $0.name, rankBefore: Int($0.rankBefore), rankAfter: Int($0.rankAfter),
          compositeBefore: $0.compositeBefore, compositeAfter: $0.compositeAfter)
      },
      added: response.added.map(\.name), removed: response.removed.map(\.name), causes: causes)
  }

  /// The portfolio's figures at each snapshot (and now), when there are at least two points;
  /// empty from a daemon without history.
  func trends(filter: Impact_V1_ProjectFilter?) async throws -> [TrendSeries] {
    var request = Impact_V1_GetTrendRequest()
    request.every = .snapshot
    if let filter { request.filter = filter }
    let response: Impact_V1_GetTrendResponse
    do {
      response = try await history.getTrend(request, metadata: connection.metadata, options: connection.callOptions)
    } catch let error as RPCError where error.code == .unimplemented {
      return []
    }
    let points = response.points.compactMap { point -> (String, Impact_V1_PortfolioTrendFigures)? in
      if case .portfolio(let figures) = point.figures { return (point.label, figures) }
      return nil
    }
    guard points.count >= 2 else { return [] }
    func series(_ figure: String, _ value: (Impact_V1_PortfolioTrendFigures) -> Double?) -> TrendSeries {
      TrendSeries(
        figure: figure,
        points: points.compactMap { label, figures in value(figures).map { TrendSeries.Point(label: label, value: $0) }
        })
    }
    return [
      series("weighted_composite") { $0.weightedComposite },
      series("coverage") { $0.coverage },
      series("deep_coverage") { $0.deepCoverage },
      series("projects") { Double($0.projects) },
      series("total_amount") { $0.totalAmount },
      series("sroi") { $0.hasSroi ? $0.sroi : nil },
    ].filter { !$0.points.isEmpty }
  }
}
