import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import Reports
import SwiftProtobuf

/// Reads what a report shows from the daemon, with the existing RPCs: the scheme, the
/// portfolio summary, every project's score (streamed), the projects (for their reach,
/// indicators, ratings and risks), observations and what-ifs.
struct ReportSource: Sendable {
  let client: ImpactConnection.Client
  let connection: ImpactConnection
  let language: DisplayLanguage
  /// The command's time limit, lifted once the scores stream is open (as `impact scores`
  /// does): a large portfolio may take longer to stream than `--timeout`.
  var deadline: CommandDeadline? = nil
  /// The moment every read is made at (`--at`); now when nil. A report of a past moment has no
  /// what-if: funding a project is a decision about the portfolio as it is now.
  var at: Impact_V1_At? = nil

  var scoring: Impact_V1_ScoringService.Client<HTTP2Transport> { Impact_V1_ScoringService.Client(wrapping: client) }
  var projectsService: Impact_V1_ProjectService.Client<HTTP2Transport> {
    Impact_V1_ProjectService.Client(wrapping: client)
  }
  typealias HTTP2Transport = HTTP2ClientTransport.Posix

  func scheme() async throws -> Impact_V1_Scheme {
    var request = Impact_V1_GetSchemeRequest()
    if let at { request.at = at }
    return try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
      request, metadata: connection.metadata, options: connection.callOptions
    ).scheme
  }

  func summary(_ filter: Impact_V1_ProjectFilter?) async throws -> Impact_V1_GetPortfolioSummaryResponse {
    var request = Impact_V1_GetPortfolioSummaryRequest()
    if let at { request.at = at }
    if let filter { request.filter = filter }
    return try await scoring.getPortfolioSummary(
      request, metadata: connection.metadata, options: connection.callOptions)
  }

  /// Every score of the selection in rank order, ranked within it.
  func scores(_ filter: Impact_V1_ProjectFilter?) async throws -> [Impact_V1_ProjectScore] {
    var request = Impact_V1_StreamProjectScoresRequest()
    if let at { request.at = at }
    if let filter { request.filter = filter }
    let deadline = self.deadline
    return try await scoring.streamProjectScores(
      request, metadata: connection.metadata, options: connection.streamingCallOptions
    ) { response in
      var scores: [Impact_V1_ProjectScore] = []
      for try await message in response.messages {
        // Each message starts the time limit again: a long stream goes on while it moves.
        deadline?.progress()
        switch message.item {
        case .header(let header):
          scores.reserveCapacity(Int(header.totalSize))
        case .score(let score): scores.append(score)
        case nil: continue
        }
      }
      return scores
    }
  }

  /// Every project of the selection, by id.
  func projects(_ filter: Impact_V1_ProjectFilter?) async throws -> [String: Impact_V1_Project] {
    var projects: [String: Impact_V1_Project] = [:]
    var request = Impact_V1_ListProjectsRequest()
    if let at { request.at = at }
    if let filter { request.filter = filter }
    request.pageSize = 1000
    while true {
      let page = try await projectsService.listProjects(
        request, metadata: connection.metadata, options: connection.callOptions)
      for project in page.projects { projects[project.id] = project }
      if page.nextPageToken.isEmpty { break }
      request.pageToken = page.nextPageToken
    }
    return projects
  }

  func project(_ id: String) async throws -> Impact_V1_Project {
    var request = Impact_V1_GetProjectRequest()
    if let at { request.at = at }
    request.id = id
    return try await projectsService.getProject(request, metadata: connection.metadata, options: connection.callOptions)
      .project
  }

  func score(_ id: String) async throws -> Impact_V1_GetProjectScoreResponse {
    var request = Impact_V1_GetProjectScoreRequest()
    if let at { request.at = at }
    request.id = id
    return try await scoring.getProjectScore(request, metadata: connection.metadata, options: connection.callOptions)
  }

  func observations(_ id: String) async throws -> [Impact_V1_Observation] {
    var observations: [Impact_V1_Observation] = []
    var request = Impact_V1_ListObservationsRequest()
    if let at { request.at = at }
    request.projectID = id
    request.pageSize = 1000
    // A project's observations are a few per outcome and period; ten pages is far beyond that.
    for _ in 0..<10 {
      let page = try await projectsService.listObservations(
        request, metadata: connection.metadata, options: connection.callOptions)
      observations += page.observations
      if page.nextPageToken.isEmpty { break }
      request.pageToken = page.nextPageToken
    }
    return observations
  }

  /// The funded portfolio before and after `projects` are funded (their status set to funded),
  /// or, for one that is already funded, before and after it leaves.
  func funding(_ projects: [Impact_V1_Project]) async throws -> WhatIfFigures {
    var request = Impact_V1_SimulateWhatIfRequest()
    request.filter = Impact_V1_ProjectFilter.with { $0.statuses = [.funded] }
    let withdrawing = projects.count == 1 && projects[0].status == .funded
    for project in projects {
      if withdrawing {
        request.changes.append(Impact_V1_WhatIfChange.with { $0.removeProjectID = project.id })
      } else if project.status != .funded {
        var funded = project
        funded.status = .funded
        request.changes.append(Impact_V1_WhatIfChange.with { $0.replaceProject = funded })
      }
    }
    guard !request.changes.isEmpty else {
      let summary = try await summary(request.filter)
      let figures = PortfolioFigures(summary.summary)
      return WhatIfFigures(
        decision: "fund", selection: "--status funded", before: figures, after: figures, placements: [])
    }
    let response = try await scoring.simulateWhatIf(
      request, metadata: connection.metadata, options: connection.callOptions)
    let placements = response.changedScores.map { score in
      WhatIfFigures.Placement(id: score.projectID, name: score.name, rankAfter: score.rank > 0 ? Int(score.rank) : nil)
    }
    return WhatIfFigures(
      decision: withdrawing ? "withdraw" : "fund", selection: "--status funded",
      before: PortfolioFigures(response.before),
      after: PortfolioFigures(response.after), placements: placements)
  }

  /// The portfolio pack's values for the selection.
  func portfolio(
    _ filter: Impact_V1_ProjectFilter?, identity: (Int64, String) -> ReportIdentity
  ) async throws -> PortfolioReportInput {
    // Four independent reads on one connection, at once.
    async let schemeAnswer = scheme()
    async let summaryAnswer = summary(filter)
    async let scoresAnswer = scores(filter)
    async let projectsAnswer = projects(filter)
    let (scheme, summary, scores, projects) = try await (schemeAnswer, summaryAnswer, scoresAnswer, projectsAnswer)
    let entries = scores.map { ProjectEntry($0, reach: projects[$0.projectID].flatMap(ProjectEntry.reach(of:))) }
    return PortfolioReportInput(
      identity: identity(summary.revision, summary.summary.schemeID), scheme: ReportScheme(scheme, language: language),
      figures: PortfolioFigures(summary.summary), projects: entries)
  }

  /// A project's sheet; `everyScore` is the whole portfolio's scores, for its medians.
  func sheet(
    _ id: String, scheme: Impact_V1_Scheme, everyScore: [Impact_V1_ProjectScore]
  ) async throws -> (ProjectSheetInput, Int64) {
    let scored = try await score(id)
    let score = scored.score
    let project = try await project(id)
    let observations = try await observations(id)
    let entries = everyScore.map { ProjectEntry($0, reach: nil) }
    let medianDimensions = (0..<4).map { index in Statistics.median(entries.map { $0.dimensions[index] }) }
    let medianCriteria = scheme.criteria.indices.map { index in
      Statistics.median(entries.compactMap { index < $0.criteria.count ? $0.criteria[index] : nil })
    }
    let funding = at == nil ? try await funding([project]) : nil
    let outcomes = score.outcomes.map { outcomeScore in
      ProjectSheetInput.Outcome(
        project.outcomes.first { $0.id == outcomeScore.outcomeID }, score: outcomeScore, observations: observations)
    }
    let sheet = ProjectSheetInput(
      project: ProjectEntry(score, reach: ProjectEntry.reach(of: project)), rankedAmong: everyScore.count,
      evidenceLevel: project.hasEvidenceLevel ? Int(project.evidenceLevel) : nil, evidenceFactor: score.evidenceFactor,
      meanRisk: score.meanRisk, ratedRiskCount: Int(score.ratedRiskCount),
      risks: scheme.riskTypes.compactMap { type in
        project.risks[type].map { ProjectSheetInput.Risk(type: type, level: Int($0)) }
      },
      outcomes: outcomes,
      ratings: project.ratings.sorted { ($0.criterion, $0.rater) < ($1.criterion, $1.rater) }.map {
        ProjectSheetInput.Rating(criterion: $0.criterion, rater: $0.rater, value: $0.value, comment: $0.comment)
      },
      criteria: score.criteria.map {
        ProjectSheetInput.CriterionFigure(
          criterion: $0.criterion, weight: $0.weight, median: $0.hasMedian ? $0.median : nil,
          spread: $0.hasSpread ? $0.spread : nil,
          count: Int($0.ratingCount))
      },
      medianDimensions: medianDimensions, medianCriteria: medianCriteria, funding: funding)
    return (sheet, scored.revision)
  }
}
