import Analytics
import GRPCCore
import ImpactAPI
import ImpactConfiguration
import ImpactStore
import SwiftProtobuf

/// `impact.v1.ScoringService`: scores with their breakdown, ranking, comparison, portfolio
/// figures and what-if simulations. Every answer comes from one snapshot and carries its revision.
struct ScoringRPCService: Impact_V1_ScoringService.SimpleServiceProtocol {
  let store: PortfolioStore
  let limits: DaemonConfiguration.Limits

  func getProjectScore(
    request: Impact_V1_GetProjectScoreRequest,
    context: ServerContext
  ) async throws -> Impact_V1_GetProjectScoreResponse {
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    guard let project = snapshot.project(request.id), let score = snapshot.score(request.id) else {
      throw StoreError.projectNotFound(request.id)
    }
    let figures = snapshot.figures
    let place = figures.place(of: project.id)
    let message = Impact_V1_ProjectScore(
      score,
      name: project.name,
      rank: place?.rank ?? 0,
      percentile: place?.percentile ?? 0,
      contribution: figures.contribution(of: project.id),
      explanation: request.explain ? ProjectScorer(scheme: snapshot.scheme).explain(project) : nil
    )
    return .with {
      $0.score = message
      $0.revision = snapshot.revision
    }
  }

  func rankProjects(
    request: Impact_V1_RankProjectsRequest,
    context: ServerContext
  ) async throws -> Impact_V1_RankProjectsResponse {
    guard request.top >= 0 else { throw RPCErrorFactory.negative("top", request.top) }
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    let filter = try snapshot.filter(request.filter)
    let analyzer = PortfolioAnalyzer(scheme: snapshot.scheme)
    let ranking =
      filter == .all
      ? snapshot.figures.ranking
      : analyzer.ranking(of: snapshot.scores, filter: filter)
    let entries = request.top > 0 ? Array(ranking.entries.prefix(Int(request.top))) : ranking.entries
    return .with {
      $0.projects = entries.map { entry in
        let score = snapshot.score(entry.projectID)
        return .with {
          $0.projectID = entry.projectID
          $0.name = snapshot.project(entry.projectID)?.name ?? ""
          $0.rank = Int32(clamping: entry.rank)
          $0.rankScore = entry.rankScore
          $0.composite = entry.composite
          $0.percentile = entry.percentile
          if let score {
            $0.impactClass = Impact_V1_ImpactClass(score.impactClass)
            $0.amount = score.amount
            $0.insufficientData = score.insufficientData
          }
        }
      }
      $0.totalSize = Int64(ranking.selectionSize)
      $0.schemeID = snapshot.scheme.id
      $0.revision = snapshot.revision
    }
  }

  func streamProjectScores(
    request: Impact_V1_StreamProjectScoresRequest,
    response: RPCWriter<Impact_V1_StreamProjectScoresResponse>,
    context: ServerContext
  ) async throws {
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    let filter = try snapshot.filter(request.filter)
    let analyzer = PortfolioAnalyzer(scheme: snapshot.scheme)
    let ranking: Ranking
    let contribution: (String) -> Double
    if filter == .all {
      let figures = snapshot.figures
      ranking = figures.ranking
      contribution = { figures.contribution(of: $0) }
    } else {
      ranking = analyzer.ranking(of: snapshot.scores, filter: filter)
      var contributions: [String: Double] = [:]
      for entry in analyzer.summary(of: snapshot.scores, filter: filter).contributions {
        contributions[entry.projectID] = entry.contribution
      }
      contribution = { contributions[$0] ?? 0 }
    }
    try await response.write(
      .with {
        $0.header = .with {
          $0.revision = snapshot.revision
          $0.schemeID = snapshot.scheme.id
          $0.totalSize = Int64(ranking.entries.count)
          $0.criteria = snapshot.scheme.criteria.map(\.id)
          $0.domains = snapshot.scheme.domains.map(\.id)
        }
      })
    // One message at a time: the writer waits for the client to take each, so a slow reader
    // holds the snapshot, not a copy of every score.
    for entry in ranking.entries {
      try Task.checkCancellation()
      guard let score = snapshot.score(entry.projectID) else { continue }
      let message = Impact_V1_ProjectScore(
        score,
        name: snapshot.project(entry.projectID)?.name ?? "",
        rank: entry.rank,
        percentile: entry.percentile,
        contribution: contribution(entry.projectID),
        explanation: nil
      )
      try await response.write(.with { $0.score = message })
    }
  }

  func compareProjects(
    request: Impact_V1_CompareProjectsRequest,
    context: ServerContext
  ) async throws -> Impact_V1_CompareProjectsResponse {
    guard !request.ids.isEmpty else {
      throw RPCErrorFactory.invalid("ids", "name at least one project", rule: "no_project")
    }
    guard request.ids.count <= limits.maxPageSize else {
      throw RPCErrorFactory.tooLarge(
        "ids", "at most \(limits.maxPageSize) projects per comparison, got \(request.ids.count)",
        rule: "too_many_compared",
        values: ["limit": "\(limits.maxPageSize)", "value": "\(request.ids.count)"])
    }
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    let filter = try snapshot.filter(request.filter)
    if let missing = request.ids.first(where: { !snapshot.contains($0) }) {
      throw StoreError.projectNotFound(missing)
    }
    let analyzer = PortfolioAnalyzer(scheme: snapshot.scheme)
    let comparison = try analyzer.comparison(of: request.ids, in: snapshot.scores, filter: filter)
    let summary = filter == .all ? snapshot.figures.summary : analyzer.summary(of: snapshot.scores, filter: filter)
    var contributions: [String: Double] = [:]
    for contribution in summary.contributions { contributions[contribution.projectID] = contribution.contribution }
    let scorer = ProjectScorer(scheme: snapshot.scheme)
    return .with {
      $0.scores = comparison.entries.map { entry in
        let project = snapshot.project(entry.score.projectID)
        return Impact_V1_ProjectScore(
          entry.score,
          name: project?.name ?? "",
          rank: entry.rank,
          percentile: entry.percentile,
          contribution: contributions[entry.score.projectID] ?? 0,
          explanation: request.explain ? project.map(scorer.explain) : nil
        )
      }
      $0.revision = snapshot.revision
    }
  }

  /// The contributions a summary lists unless asked otherwise, and the most it lists.
  static let defaultTopContributions = 20
  static let maximumTopContributions = 1_000

  func getPortfolioSummary(
    request: Impact_V1_GetPortfolioSummaryRequest,
    context: ServerContext
  ) async throws -> Impact_V1_GetPortfolioSummaryResponse {
    let top = Int(request.topContributions)
    if top < 0 { throw RPCErrorFactory.negative("top_contributions", top) }
    guard top <= Self.maximumTopContributions else {
      throw RPCErrorFactory.invalid(
        "top_contributions", "at most \(Self.maximumTopContributions) contributions, got \(top)",
        rule: "too_many_contributions", values: ["limit": "\(Self.maximumTopContributions)", "value": "\(top)"])
    }
    let snapshot = try await store.snapshot(for: request.hasAt ? request.at : nil)
    let filter = try snapshot.filter(request.filter)
    var summary =
      filter == .all
      ? snapshot.figures.summary
      : PortfolioAnalyzer(scheme: snapshot.scheme).summary(of: snapshot.scores, filter: filter)
    let count = summary.contributions.count
    summary.contributions = ProjectContribution.largest(
      summary.contributions, limit: top == 0 ? Self.defaultTopContributions : top)
    return .with {
      $0.summary = Impact_V1_PortfolioSummary(summary)
      $0.revision = snapshot.revision
      $0.contributionCount = Int64(count)
    }
  }

  func simulateWhatIf(
    request: Impact_V1_SimulateWhatIfRequest,
    context: ServerContext
  ) async throws -> Impact_V1_SimulateWhatIfResponse {
    guard request.changes.count <= limits.maxProjectsPerRequest else {
      throw RPCErrorFactory.tooLarge(
        "changes", "at most \(limits.maxProjectsPerRequest) changes per simulation, got \(request.changes.count)",
        rule: "too_many_changes",
        values: ["limit": "\(limits.maxProjectsPerRequest)", "value": "\(request.changes.count)"])
    }
    let snapshot = store.snapshot
    let filter = try snapshot.filter(request.filter)
    // Sizes first, from the messages: nothing is built from a request over a limit.
    let messages = request.changes.compactMap { change -> Impact_V1_Project? in
      switch change.change {
      case .addProject(let project), .replaceProject(let project): project
      default: nil
      }
    }
    try limits.checkContents(
      projects: messages.count, outcomes: messages.reduce(0) { $0 + $1.outcomes.count },
      ratings: messages.reduce(0) { $0 + $1.ratings.count }, field: "changes", what: "simulation")
    try limits.checkShapes(of: messages, scheme: snapshot.scheme)
    var changes: [WhatIfChange] = []
    var candidates: [Project] = []
    for (index, message) in request.changes.enumerated() {
      let path = "changes[\(index)]"
      switch message.change {
      case .addProject(let project):
        let project = try Project(proto: project, fieldPath: "\(path).add_project")
        candidates.append(project)
        changes.append(.add(project))
      case .replaceProject(let project):
        let project = try Project(proto: project, fieldPath: "\(path).replace_project")
        candidates.append(project)
        changes.append(.replace(project))
      case .removeProjectID(let id):
        changes.append(.remove(projectID: id))
      case nil:
        throw RPCErrorFactory.oneOf(path, ["add_project", "remove_project_id", "replace_project"])
      }
    }
    if let error = Validator(scheme: snapshot.scheme).validationError(for: candidates) {
      throw StoreError.invalid(error)
    }
    // A change naming a missing or existing project throws WhatIfError (NOT_FOUND or FAILED_PRECONDITION).
    let result = try WhatIfSimulator(scheme: snapshot.scheme).simulate(changes, on: snapshot.scores, filter: filter)
    return .with {
      $0.before = Impact_V1_PortfolioSummary(result.before)
      $0.after = Impact_V1_PortfolioSummary(result.after)
      $0.figures = result.differences.map { difference in
        .with {
          $0.figure = difference.name
          $0.before = difference.before ?? 0
          $0.after = difference.after ?? 0
          $0.delta = difference.delta ?? 0
        }
      }
      $0.rankChanges = result.rankChanges.map(Impact_V1_RankChange.init)
      $0.changedScores = Self.changedScores(result, changes, snapshot: snapshot, filter: filter)
      $0.revision = snapshot.revision
    }
  }

  /// The scores of the added and replaced projects with the rank, percentile and contribution
  /// they would take in the selection after the changes (rank 0 outside it): what a committee
  /// asks first about a candidate.
  private static func changedScores(
    _ result: WhatIfResult, _ changes: [WhatIfChange], snapshot: PortfolioSnapshot, filter: ProjectFilter
  ) -> [Impact_V1_ProjectScore] {
    guard !result.changedScores.isEmpty else { return [] }
    var after = Dictionary(snapshot.scores.map { ($0.projectID, $0) }, uniquingKeysWith: { first, _ in first })
    var names: [String: String] = [:]
    for change in changes {
      switch change {
      case .add(let project), .replace(let project): names[project.id] = project.name
      case .remove(let projectID): after[projectID] = nil
      }
    }
    for score in result.changedScores { after[score.projectID] = score }
    let ranking = PortfolioAnalyzer(scheme: snapshot.scheme).ranking(of: Array(after.values), filter: filter)
    var contributions: [String: Double] = [:]
    for contribution in result.after.contributions { contributions[contribution.projectID] = contribution.contribution }
    return result.changedScores.map { score in
      let entry = ranking.entry(for: score.projectID)
      return Impact_V1_ProjectScore(
        score, name: names[score.projectID] ?? "", rank: entry?.rank ?? 0, percentile: entry?.percentile ?? 0,
        contribution: contributions[score.projectID] ?? 0)
    }
  }
}
