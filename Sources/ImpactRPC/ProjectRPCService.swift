import Analytics
import Foundation
import GRPCCore
import ImpactAPI
import ImpactConfiguration
import ImpactStorage
import ImpactStore
import SwiftProtobuf

/// `impact.v1.ProjectService`: projects, indicator observations and committee ratings.
struct ProjectRPCService: Impact_V1_ProjectService.SimpleServiceProtocol {
  let store: PortfolioStore
  let limits: DaemonConfiguration.Limits

  func createProject(
    request: Impact_V1_CreateProjectRequest,
    context: ServerContext
  ) async throws -> Impact_V1_CreateProjectResponse {
    guard request.hasProject else { throw RPCErrorFactory.required("project") }
    // Sizes first, from the message: nothing is built from a project over a limit.
    try limits.checkContents(
      projects: 1, outcomes: request.project.outcomes.count, ratings: request.project.ratings.count,
      field: "project", what: "request")
    try limits.checkShapes(of: [request.project], scheme: store.snapshot.scheme)
    let project = try Project(proto: request.project)
    let snapshot = try await store.create(
      project,
      context: .from(context, expectedRevision: request.hasExpectedRevision ? request.expectedRevision : nil)
    )
    return .with {
      $0.project = Impact_V1_Project(snapshot.project(project.id) ?? project)
      $0.revision = snapshot.revision
    }
  }

  func getProject(
    request: Impact_V1_GetProjectRequest,
    context: ServerContext
  ) async throws -> Impact_V1_GetProjectResponse {
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    guard let project = snapshot.project(request.id) else { throw StoreError.projectNotFound(request.id) }
    var message = Impact_V1_Project(project)
    await addRatingTimes(
      to: &message, revision: snapshot.revision, past: request.hasAt && snapshot.revision != store.snapshot.revision)
    let answer = message
    return .with {
      $0.project = answer
      $0.revision = snapshot.revision
    }
  }

  /// Sets each rating's `rated_at` from the database, which keeps it (the in-memory model does
  /// not). A rating recorded after the snapshot's revision is left without a time rather than
  /// given another rating's; when the database cannot be read, the project is still answered
  /// from memory, without times.
  ///
  /// For a past state (`past`), the times come from the rating history up to its revision.
  private func addRatingTimes(to project: inout Impact_V1_Project, revision: Int64, past: Bool) async {
    guard !project.ratings.isEmpty,
      let times = try? await store.ratingTimes(projectID: project.id, revision: revision, past: past)
    else { return }
    for index in project.ratings.indices {
      let key = RecordedValues.RatingKey(
        criterion: project.ratings[index].criterion, rater: project.ratings[index].rater)
      if let time = times[key] {
        project.ratings[index].ratedAt = Google_Protobuf_Timestamp(date: time)
      }
    }
  }

  func updateProject(
    request: Impact_V1_UpdateProjectRequest,
    context: ServerContext
  ) async throws -> Impact_V1_UpdateProjectResponse {
    guard request.hasProject else { throw RPCErrorFactory.required("project") }
    let id = request.project.id
    guard !id.isEmpty else { throw RPCErrorFactory.required("project.id") }
    let source = request.project
    try limits.checkContents(
      projects: 1, outcomes: source.outcomes.count, ratings: source.ratings.count, field: "project", what: "request")
    try limits.checkShapes(of: [source], scheme: store.snapshot.scheme)
    let mask = try ProjectUpdateMask(paths: request.hasUpdateMask ? request.updateMask.paths : [])
    let snapshot = try await store.update(
      id,
      context: .from(context, expectedRevision: request.hasExpectedRevision ? request.expectedRevision : nil)
    ) { project in
      var merged = Impact_V1_Project(project)
      mask.apply(source, to: &merged)
      project = try Project(proto: merged)
    }
    return .with {
      if let project = snapshot.project(id) { $0.project = Impact_V1_Project(project) }
      $0.revision = snapshot.revision
    }
  }

  func deleteProject(
    request: Impact_V1_DeleteProjectRequest,
    context: ServerContext
  ) async throws -> Impact_V1_DeleteProjectResponse {
    let snapshot = try await store.delete(
      request.id,
      context: .from(context, expectedRevision: request.hasExpectedRevision ? request.expectedRevision : nil)
    )
    return .with { $0.revision = snapshot.revision }
  }

  func listProjects(
    request: Impact_V1_ListProjectsRequest,
    context: ServerContext
  ) async throws -> Impact_V1_ListProjectsResponse {
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    let (filter, unmatched) = try snapshot.resolvedFilter(request.filter)
    try RequestText.check(request.query, field: "query", limit: TextLimits.query)
    let search = ProjectSearch(request.query)
    let pageSize = try PageSize.resolve(request.pageSize, maximum: limits.maxPageSize)
    let after = try PageToken.key(from: request.pageToken)
    let selected = snapshot.projects.filter { filter.matches($0) && search.matches($0) }
    // Projects are sorted by id: the page starts after the last id of the previous page.
    let start = after.map { key in Self.firstIndex(in: selected, after: key) } ?? 0
    let page = selected[start..<min(selected.count, start + pageSize)]
    return .with {
      $0.projects = page.map(Impact_V1_Project.init)
      if start + pageSize < selected.count, let last = page.last {
        $0.nextPageToken = PageToken.make(after: last.id)
      }
      $0.totalSize = Int64(selected.count)
      $0.revision = snapshot.revision
      if selected.isEmpty { $0.unmatched = unmatched.map(Impact_V1_UnmatchedFilterValue.init) }
    }
  }

  func recordObservation(
    request: Impact_V1_RecordObservationRequest,
    context: ServerContext
  ) async throws -> Impact_V1_RecordObservationResponse {
    guard request.hasObservation else { throw RPCErrorFactory.required("observation") }
    let message = request.observation
    guard message.value.isFinite else {
      throw RPCErrorFactory.invalid(
        "observation.value", "must be a finite number, got \(message.value)", rule: "not_finite",
        values: ["value": "\(message.value)"])
    }
    let changeContext = ChangeContext.from(
      context,
      expectedRevision: request.hasExpectedRevision ? request.expectedRevision : nil
    )
    try Self.checkTexts(of: message)
    // Checked against the outcome as it stands; an unknown project or outcome is left to the
    // store, which refuses it with NOT_FOUND.
    // A value that passes only because the caller insisted is recorded as forced.
    var forced = false
    if let outcome = store.snapshot.project(message.projectID)?.outcomes.first(where: { $0.id == message.outcomeID }) {
      let strict = ObservationCheck(projectID: message.projectID, outcome: outcome)
        .issues(value: message.value, period: message.period)
      if !strict.isEmpty {
        let issues =
          request.acceptOutOfRange
          ? ObservationCheck(projectID: message.projectID, outcome: outcome, acceptOutOfRange: true)
            .issues(value: message.value, period: message.period)
          : strict
        guard issues.isEmpty else { throw ValidationError(issues: issues) }
        forced = true
      }
    }
    let observation = Observation(
      projectID: message.projectID,
      outcomeID: message.outcomeID,
      value: message.value,
      period: ObservationPeriod.canonical(message.period) ?? message.period,
      source: message.source.isEmpty ? nil : message.source,
      recordedBy: try Self.recorder(claimed: message.recordedBy, caller: changeContext.actor),
      recordedAt: message.hasRecordedAt
        ? try message.recordedAt.checkedDate(field: "observation.recorded_at") : changeContext.at,
      forced: forced
    )
    let snapshot = try await store.record(observation, context: changeContext)
    return .with {
      $0.observation = Impact_V1_Observation(observation, revision: snapshot.revision)
      if let project = snapshot.project(observation.projectID) { $0.project = Impact_V1_Project(project) }
      $0.revision = snapshot.revision
    }
  }

  func listObservations(
    request: Impact_V1_ListObservationsRequest,
    context: ServerContext
  ) async throws -> Impact_V1_ListObservationsResponse {
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    guard let project = snapshot.project(request.projectID) else { throw StoreError.projectNotFound(request.projectID) }
    let pageSize = try PageSize.resolve(request.pageSize, maximum: limits.maxPageSize)
    let after = try PageToken.integerKey(from: request.pageToken)
    let outcomeID = request.hasOutcomeID ? request.outcomeID : nil
    // An outcome removed since keeps its observations; only one never seen is unknown.
    // Observations recorded after the state read are not part of it.
    let (rows, total) = try await store.observations(
      projectID: request.projectID, outcomeID: outcomeID, after: after, limit: pageSize + 1,
      throughRevision: request.hasAt ? snapshot.revision : nil)
    if let outcomeID, !project.outcomes.contains(where: { $0.id == outcomeID }), total == 0 {
      throw StoreError.outcomeNotFound(projectID: request.projectID, outcomeID: outcomeID)
    }
    let page = rows.prefix(pageSize)
    return .with {
      $0.observations = page.map {
        Impact_V1_Observation($0, revision: $0.revision ?? 0).visible(to: RequestPrincipal.caller)
      }
      if rows.count > pageSize, let last = page.last?.id { $0.nextPageToken = PageToken.make(after: String(last)) }
      $0.totalSize = Int64(total)
      $0.revision = snapshot.revision
    }
  }

  func recordRating(
    request: Impact_V1_RecordRatingRequest,
    context: ServerContext
  ) async throws -> Impact_V1_RecordRatingResponse {
    guard request.hasRating else { throw RPCErrorFactory.required("rating") }
    let rating = Rating(proto: request.rating)
    let snapshot = try await store.record(
      rating,
      projectID: request.projectID,
      context: .from(context, expectedRevision: request.hasExpectedRevision ? request.expectedRevision : nil)
    )
    return .with {
      if let project = snapshot.project(request.projectID) { $0.project = Impact_V1_Project(project) }
      $0.rating = Impact_V1_Rating(rating, ratedAt: snapshot.committedAt)
      $0.revision = snapshot.revision
    }
  }

  /// Refuses an observation text over its length limit (``TextLimits``) or holding a control
  /// character, naming the field and the limit.
  static func checkTexts(of message: Impact_V1_Observation) throws {
    for (field, text, limit) in [
      ("observation.project_id", message.projectID, TextLimits.identifier),
      ("observation.outcome_id", message.outcomeID, TextLimits.identifier),
      ("observation.period", message.period, TextLimits.observationPeriod),
      ("observation.source", message.source, TextLimits.observationSource),
      ("observation.recorded_by", message.recordedBy, TextLimits.recordedBy),
    ] {
      try RequestText.check(text, field: field, limit: limit)
    }
  }

  /// The position of the first project whose id sorts after `key` (binary search).
  static func firstIndex(in projects: [Project], after key: String) -> Int {
    var low = 0
    var high = projects.count
    while low < high {
      let middle = (low + high) / 2
      if projects[middle].id <= key { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
