import Analytics
import Foundation
import GRPCCore
import ImpactAPI
import ImpactConfiguration
import ImpactStorage
import ImpactStore
import SwiftProtobuf

/// `impact.v1.HistoryService`: named snapshots, diffs with attribution, trends and progress.
/// Every past state comes from the store's history (``PortfolioHistory``).
struct HistoryRPCService: Impact_V1_HistoryService.SimpleServiceProtocol {
  let store: PortfolioStore
  let limits: DaemonConfiguration.Limits

  // MARK: - Snapshots

  func createSnapshot(
    request: Impact_V1_CreateSnapshotRequest, context: ServerContext
  ) async throws -> Impact_V1_CreateSnapshotResponse {
    try RequestText.check(request.name, field: "name", limit: SnapshotName.maximumLength * 4)
    try RequestText.check(request.note, field: "note", limit: SnapshotName.maximumNoteLength * 4)
    let (snapshot, revision) = try await store.createSnapshot(
      named: request.name, note: request.note,
      context: .from(context, expectedRevision: request.hasExpectedRevision ? request.expectedRevision : nil))
    return .with {
      $0.snapshot = HistoryMessages.snapshot(snapshot)
      $0.revision = revision
    }
  }

  func listSnapshots(
    request: Impact_V1_ListSnapshotsRequest, context: ServerContext
  ) async throws -> Impact_V1_ListSnapshotsResponse {
    let pageSize = try PageSize.resolve(request.pageSize, maximum: limits.maxPageSize)
    let after = try PageToken.integerKey(from: request.pageToken)
    let revision = store.snapshot.revision
    let all = try await store.snapshots()
    let selected = all.filter { stored in after.map { stored.createdRevision > $0 } ?? true }
    let page = selected.prefix(pageSize)
    return .with {
      $0.snapshots = page.map(HistoryMessages.snapshot)
      if selected.count > pageSize, let last = page.last {
        $0.nextPageToken = PageToken.make(after: String(last.createdRevision))
      }
      $0.totalSize = Int64(all.count)
      $0.revision = revision
    }
  }

  func getSnapshot(
    request: Impact_V1_GetSnapshotRequest, context: ServerContext
  ) async throws -> Impact_V1_GetSnapshotResponse {
    try RequestText.check(request.name, field: "name", limit: SnapshotName.maximumLength * 4)
    let revision = store.snapshot.revision
    let stored = try await store.storedSnapshot(named: request.name, documents: request.includeDocuments)
    return .with {
      $0.snapshot = HistoryMessages.snapshot(stored)
      $0.portfolioJson = stored.portfolioDocument
      $0.schemeJson = stored.schemeDocument
      $0.revision = revision
    }
  }

  func deleteSnapshot(
    request: Impact_V1_DeleteSnapshotRequest, context: ServerContext
  ) async throws -> Impact_V1_DeleteSnapshotResponse {
    try RequestText.check(request.name, field: "name", limit: SnapshotName.maximumLength * 4)
    let revision = try await store.deleteSnapshot(
      named: request.name,
      context: .from(context, expectedRevision: request.hasExpectedRevision ? request.expectedRevision : nil))
    return .with { $0.revision = revision }
  }

  // MARK: - Diff, trend, progress

  func diffPortfolios(
    request: Impact_V1_DiffPortfoliosRequest, context: ServerContext
  ) async throws -> Impact_V1_DiffPortfoliosResponse {
    guard request.hasFromAt, request.fromAt.point != nil else { throw RPCErrorFactory.required("from_at") }
    guard request.topMovers >= 0 else { throw RPCErrorFactory.negative("top_movers", request.topMovers) }
    guard request.maxProjects >= 0 else { throw RPCErrorFactory.negative("max_projects", request.maxProjects) }
    try RequestText.checkCount(request.explainIds.count, field: "explain_ids", maximum: 50)
    let before = try await store.snapshot(for: request.fromAt)
    let after = try await store.snapshot(for: request.hasToAt ? request.toAt : nil)
    let beforeState = try Self.scored(before, filter: request.filter, hasFilter: request.hasFilter)
    let afterState = try Self.scored(after, filter: request.filter, hasFilter: request.hasFilter)
    let differ = PortfolioDiffer(
      lanes: ProcessInfo.processInfo.activeProcessorCount,
      moverCount: request.topMovers == 0 ? 10 : Int(request.topMovers))
    let explainIDs = request.explainIds
    let limit = request.maxProjects == 0 ? 1000 : Int(request.maxProjects)
    let diff = try await store.history.offPool { differ.diff(from: beforeState, to: afterState) }
    var explanations: [AttributionExplanation] = []
    for id in explainIDs {
      guard let old = before.project(id), let new = after.project(id) else { throw StoreError.projectNotFound(id) }
      explanations.append(ProjectAttributor(before: before.scheme, after: after.scheme).explain(old: old, new: new))
    }
    return HistoryMessages.diff(
      diff, before: before, after: after, fromAt: request.fromAt, toAt: request.hasToAt ? request.toAt : nil,
      limit: limit, explanations: explanations)
  }

  func getTrend(
    request: Impact_V1_GetTrendRequest, context: ServerContext
  ) async throws -> Impact_V1_GetTrendResponse {
    try RequestText.checkCount(request.points.count, field: "points", maximum: 400)
    let current = store.snapshot
    var labelled: [(label: String, at: Impact_V1_At)] = []
    if !request.points.isEmpty {
      labelled = request.points.map { (HistoryMessages.label(of: $0), $0) }
    } else {
      switch request.every {
      case .snapshot, .UNRECOGNIZED:
        labelled = try await store.snapshots().map { stored in
          (stored.name, Impact_V1_At.with { $0.snapshot = stored.name })
        }
      case .month, .quarter:
        labelled = try TrendPeriods.points(
          since: request.since, months: request.every == .month ? 1 : 3, now: Date(), limit: 400)
      }
    }
    var points: [Impact_V1_TrendPoint] = []
    for (label, at) in labelled {
      var selector = at
      if request.scheme == .current { selector.scheme = .current }
      let state = try await store.snapshot(for: selector)
      var point = Impact_V1_TrendPoint()
      point.label = label
      point.at = Impact_V1_ResolvedAt(
        state, name: { if case .snapshot(let name) = at.point { return name } else { return "" } }(),
        currentScheme: selector.scheme == .current)
      if request.projectID.isEmpty {
        let filter = try state.filter(request.filter)
        let summary =
          filter == .all
          ? state.figures.summary : PortfolioAnalyzer(scheme: state.scheme).summary(of: state.scores, filter: filter)
        point.portfolio = HistoryMessages.trendFigures(PortfolioTrendPoint(summary))
      } else if let score = state.score(request.projectID) {
        point.project = .with {
          $0.composite = score.composite
          $0.quantitative = score.quantitative
          $0.qualitative = score.qualitative
          $0.confidence = score.confidence
          $0.depth = score.depth
        }
      }
      points.append(point)
    }
    return .with {
      $0.points = points
      $0.projectID = request.projectID
      $0.revision = current.revision
    }
  }

  func getProgress(
    request: Impact_V1_GetProgressRequest, context: ServerContext
  ) async throws -> Impact_V1_GetProgressResponse {
    let state = try await store.snapshot(for: request.hasAt ? request.at : nil)
    guard let project = state.project(request.projectID) else { throw StoreError.projectNotFound(request.projectID) }
    let outcomeID = request.hasOutcomeID ? request.outcomeID : nil
    if let outcomeID, !project.outcomes.contains(where: { $0.id == outcomeID }) {
      throw StoreError.outcomeNotFound(projectID: project.id, outcomeID: outcomeID)
    }
    let (rows, _) = try await store.observations(
      projectID: project.id, outcomeID: outcomeID, after: nil, limit: Int.max,
      throughRevision: request.hasAt ? state.revision : nil)
    let caller = RequestPrincipal.caller
    var byOutcome: [String: [ProgressObservation]] = [:]
    var messages: [String: [Impact_V1_Observation]] = [:]
    for row in rows {
      byOutcome[row.outcomeID, default: []].append(
        ProgressObservation(
          value: row.value, period: row.period, source: row.source, recordedBy: row.recordedBy,
          recordedAt: row.recordedAt, revision: row.revision, forced: row.forced))
      messages[row.outcomeID, default: []].append(
        Impact_V1_Observation(row, revision: row.revision ?? 0).visible(to: caller))
    }
    let progress = OutcomeProgress.of(project, observations: byOutcome)
      .filter { outcomeID == nil || $0.outcomeID == outcomeID }
    return .with {
      $0.projectID = project.id
      $0.outcomes = progress.map { HistoryMessages.progress($0, observations: messages[$0.outcomeID] ?? []) }
      $0.revision = state.revision
    }
  }

  /// `snapshot`'s projects the filter selects, with their scores, as the differ takes them.
  private static func scored(
    _ snapshot: PortfolioSnapshot, filter message: Impact_V1_ProjectFilter, hasFilter: Bool
  ) throws -> ScoredPortfolioState {
    let filter = hasFilter ? try snapshot.filter(message) : .all
    guard filter != .all else {
      return ScoredPortfolioState(
        PortfolioState(scheme: snapshot.scheme, projects: snapshot.projects), scores: snapshot.scores)
    }
    let indices = snapshot.projects.indices.filter { filter.matches(snapshot.projects[$0]) }
    return ScoredPortfolioState(
      PortfolioState(scheme: snapshot.scheme, projects: indices.map { snapshot.projects[$0] }),
      scores: indices.map { snapshot.scores[$0] })
  }
}
