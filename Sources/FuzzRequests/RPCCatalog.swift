import Analytics
import DaemonCore
import Foundation
import ImpactAPI
import ImpactStore
import SwiftProtobuf
import SyntheticData

/// Every unary RPC of impact.v1 that takes client data, with a generator of requests for each.
/// (`WatchChanges` streams and `GetScheme` takes nothing; `GetStatus` is here for its empty
/// request, which mutations fill with unknown fields.)
enum RPCCatalog {
  typealias Projects = Impact_V1_ProjectService.Method
  typealias Portfolio = Impact_V1_PortfolioService.Method
  typealias Scoring = Impact_V1_ScoringService.Method
  typealias Status = Impact_V1_StatusService.Method
  typealias Audit = Impact_V1_AuditService.Method

  static let all: [FuzzedRPC] =
    projectRPCs + portfolioRPCs + scoringRPCs + [
      FuzzedRPC(
        (Status.GetStatus.Input.self, Status.GetStatus.Output.self, Status.GetStatus.descriptor),
        writes: false, revision: { $0.revision }
      ) { _ in Impact_V1_GetStatusRequest() },
      FuzzedRPC(
        (Audit.ListAuditEntries.Input.self, Audit.ListAuditEntries.Output.self, Audit.ListAuditEntries.descriptor),
        writes: false, revision: { $0.revision }, pageToken: { $0.nextPageToken }
      ) { context in
        var request = Impact_V1_ListAuditEntriesRequest()
        if context.random.chance(0.3) { request.actor = context.text("local") }
        if context.random.chance(0.3) { request.projectID = context.projectID() }
        if context.hostile() { request.since = context.timestamp() }
        if context.hostile() { request.until = context.timestamp() }
        if context.random.chance(0.3) { request.rpcMethod = context.text("CreateProject") }
        request.pageSize = context.pageSize()
        request.pageToken = context.pageToken()
        return request
      },
    ]

  static let projectRPCs: [FuzzedRPC] = [
    FuzzedRPC(
      (Projects.CreateProject.Input.self, Projects.CreateProject.Output.self, Projects.CreateProject.descriptor),
      writes: true, revision: { $0.revision }
    ) { context in
      var request = Impact_V1_CreateProjectRequest()
      let project = context.newProject()
      request.project = context.message(project)
      if let revision = context.expectedRevision() { request.expectedRevision = revision }
      if context.hostile(), context.random.chance(0.2) { request.clearProject() }
      return request
    },
    FuzzedRPC(
      (Projects.GetProject.Input.self, Projects.GetProject.Output.self, Projects.GetProject.descriptor),
      writes: false, revision: { $0.revision }
    ) { context in
      .with { $0.id = context.projectID() }
    },
    FuzzedRPC(
      (Projects.UpdateProject.Input.self, Projects.UpdateProject.Output.self, Projects.UpdateProject.descriptor),
      writes: true, revision: { $0.revision }
    ) { context in
      var request = Impact_V1_UpdateProjectRequest()
      var project = context.storedProject() ?? context.newProject()
      project.amount = (project.amount + 1_000).rounded()
      project.name += " (updated)"
      request.project = context.message(project)
      let paths = [
        "name", "programme", "territory", "status", "amount", "evidence_level", "risks", "ratings", "outcomes",
        "extra_json",
      ]
      switch context.random.integer(0...3) {
      case 0: break
      case 1: request.updateMask = .with { $0.paths = [context.random.pick(paths)] }
      default: request.updateMask = .with { $0.paths = ["name", "amount"] }
      }
      if context.hostile() {
        request.updateMask.paths.append(
          context.random.pick(["id", "unknown", "outcomes.share", "", "*", "name,amount", "project.name", "\u{0}"]))
      }
      if let revision = context.expectedRevision() { request.expectedRevision = revision }
      return request
    },
    FuzzedRPC(
      (Projects.DeleteProject.Input.self, Projects.DeleteProject.Output.self, Projects.DeleteProject.descriptor),
      writes: true, revision: { $0.revision }
    ) { context in
      var request = Impact_V1_DeleteProjectRequest()
      request.id = context.projectID()
      if let revision = context.expectedRevision() { request.expectedRevision = revision }
      return request
    },
    FuzzedRPC(
      (Projects.ListProjects.Input.self, Projects.ListProjects.Output.self, Projects.ListProjects.descriptor),
      writes: false, revision: { $0.revision }, pageToken: { $0.nextPageToken }
    ) { context in
      .with {
        $0.filter = context.filter()
        $0.pageSize = context.pageSize()
        $0.pageToken = context.pageToken()
      }
    },
    FuzzedRPC(
      (
        Projects.RecordObservation.Input.self, Projects.RecordObservation.Output.self,
        Projects.RecordObservation.descriptor
      ),
      writes: true, revision: { $0.revision }
    ) { context in
      var request = Impact_V1_RecordObservationRequest()
      let project = context.storedProject()
      var observation = Impact_V1_Observation()
      observation.projectID = context.hostile() ? HostileValues.identifier(&context.random) : project?.id ?? "none"
      let outcomeID = project?.outcomes.first?.id ?? "o1"
      observation.outcomeID = context.hostile() ? HostileValues.identifier(&context.random) : outcomeID
      observation.value = context.double((context.random.uniform(0...100)).rounded())
      observation.period = context.text(context.random.pick(["2026-Q3", "2026-09", "2026", "2026-09-30"]))
      observation.source = context.text("quarterly report")
      observation.recordedBy = context.text(context.random.chance(0.5) ? "" : "fuzzer")
      if context.hostile() { observation.recordedAt = context.timestamp() }
      if context.hostile() { observation.revision = HostileValues.int64(&context.random) }
      request.observation = observation
      if let revision = context.expectedRevision() { request.expectedRevision = revision }
      if context.hostile(), context.random.chance(0.2) { request.clearObservation() }
      return request
    },
    FuzzedRPC(
      (
        Projects.ListObservations.Input.self, Projects.ListObservations.Output.self,
        Projects.ListObservations.descriptor
      ),
      writes: false, revision: { $0.revision }, pageToken: { $0.nextPageToken }
    ) { context in
      var request = Impact_V1_ListObservationsRequest()
      let project = context.storedProject()
      request.projectID = context.hostile() ? HostileValues.identifier(&context.random) : project?.id ?? ""
      if context.random.chance(0.5) { request.outcomeID = context.text(project?.outcomes.first?.id ?? "o1") }
      request.pageSize = context.pageSize()
      request.pageToken = context.pageToken()
      return request
    },
    FuzzedRPC(
      (Projects.RecordRating.Input.self, Projects.RecordRating.Output.self, Projects.RecordRating.descriptor),
      writes: true, revision: { $0.revision }
    ) { context in
      var request = Impact_V1_RecordRatingRequest()
      request.projectID = context.projectID()
      let criterion = context.snapshot.scheme.criteria.first?.id ?? "what"
      let rating = Rating(
        criterion: criterion, rater: "fuzz-rater", value: Double(context.random.integer(0...8)) / 2,
        comment: context.random.chance(0.5) ? "from the fuzzer" : nil)
      request.rating = context.rating(Impact_V1_Rating(rating, ratedAt: nil))
      if let revision = context.expectedRevision() { request.expectedRevision = revision }
      if context.hostile(), context.random.chance(0.2) { request.clearRating() }
      return request
    },
  ]

  static let portfolioRPCs: [FuzzedRPC] = [
    FuzzedRPC(
      (
        Portfolio.ImportPortfolio.Input.self, Portfolio.ImportPortfolio.Output.self,
        Portfolio.ImportPortfolio.descriptor
      ),
      variant: "json", writes: true, revision: { $0.revision }
    ) { context in
      var request = Impact_V1_ImportPortfolioRequest()
      let projects = importedProjects(&context)
      var scheme: Scheme?
      if context.hostile() {
        var other = context.snapshot.scheme
        other.id += "-other"
        scheme = context.random.chance(0.5) ? context.snapshot.scheme : other
      }
      let document = PortfolioJSON.encode(PortfolioDocument(scheme: scheme, projects: projects))
      request.jsonDocument = context.document(String(decoding: document, as: UTF8.self))
      fillImportOptions(&request, &context)
      return request
    },
    FuzzedRPC(
      (
        Portfolio.ImportPortfolio.Input.self, Portfolio.ImportPortfolio.Output.self,
        Portfolio.ImportPortfolio.descriptor
      ),
      variant: "csv", writes: true, revision: { $0.revision }
    ) { context in
      var request = Impact_V1_ImportPortfolioRequest()
      let projects = importedProjects(&context)
      let separator: Character = context.random.chance(0.5) ? "," : ";"
      let tables = PortfolioCSV.encode(projects, separator: separator, scheme: context.snapshot.scheme)
      request.csv = .with {
        $0.projects = context.document(tables.projects)
        $0.outcomes = context.document(tables.outcomes)
        $0.ratings = context.random.chance(0.2) ? "" : context.document(tables.ratings)
        if context.hostile() { $0.projectsFileName = HostileValues.string(&context.random, maximumLength: 1024) }
        if context.hostile() { $0.outcomesFileName = HostileValues.string(&context.random, maximumLength: 1024) }
        if context.hostile() { $0.ratingsFileName = HostileValues.string(&context.random, maximumLength: 1024) }
      }
      fillImportOptions(&request, &context)
      return request
    },
    FuzzedRPC(
      (
        Portfolio.ExportPortfolio.Input.self, Portfolio.ExportPortfolio.Output.self,
        Portfolio.ExportPortfolio.descriptor
      ),
      writes: false, revision: { $0.revision }
    ) { context in
      .with {
        $0.format = context.enumeration(context.random.chance(0.5) ? .json : .csv)
        $0.filter = context.filter()
      }
    },
    FuzzedRPC(
      (Portfolio.GetScheme.Input.self, Portfolio.GetScheme.Output.self, Portfolio.GetScheme.descriptor),
      writes: false, revision: { $0.revision }
    ) { _ in Impact_V1_GetSchemeRequest() },
    FuzzedRPC(
      (Portfolio.SetScheme.Input.self, Portfolio.SetScheme.Output.self, Portfolio.SetScheme.descriptor),
      writes: true, revision: { $0.revision }
    ) { context in
      var request = Impact_V1_SetSchemeRequest()
      var scheme = context.snapshot.scheme
      scheme.id = "fuzz-scheme-\(context.random.integer(0...999_999))"
      if context.hostile(), !scheme.domains.isEmpty {
        // Valid alone, but stored projects may use the domain it drops: FAILED_PRECONDITION.
        scheme.domains.removeLast()
      }
      request.documentJson = context.document(String(decoding: SchemeJSON.encode(scheme), as: UTF8.self))
      request.validateOnly = context.random.chance(0.3)
      if let revision = context.expectedRevision() { request.expectedRevision = revision }
      return request
    },
  ]

  static let scoringRPCs: [FuzzedRPC] = [
    FuzzedRPC(
      (Scoring.GetProjectScore.Input.self, Scoring.GetProjectScore.Output.self, Scoring.GetProjectScore.descriptor),
      writes: false, revision: { $0.revision }
    ) { context in
      .with {
        $0.id = context.projectID()
        $0.explain = context.random.chance(0.5)
      }
    },
    FuzzedRPC(
      (Scoring.RankProjects.Input.self, Scoring.RankProjects.Output.self, Scoring.RankProjects.descriptor),
      writes: false, revision: { $0.revision }
    ) { context in
      .with {
        $0.filter = context.filter()
        $0.top = context.int32(context.random.pick([0, 1, 5, 100] as [Int32]))
      }
    },
    FuzzedRPC(
      (Scoring.CompareProjects.Input.self, Scoring.CompareProjects.Output.self, Scoring.CompareProjects.descriptor),
      writes: false, revision: { $0.revision }
    ) { context in
      var request = Impact_V1_CompareProjectsRequest()
      request.ids = (0..<context.random.integer(1...5)).map { _ in context.projectID() }
      if context.hostile() {
        switch context.random.integer(0...2) {
        case 0: request.ids = []
        case 1:
          let id = request.ids[0].count > 256 ? "p500000" : request.ids[0]
          request.ids = Array(repeating: id, count: context.random.integer(2...2_000))
        default: request.ids += (0..<context.random.integer(50...5_000)).map { "ghost-\($0)" }
        }
      }
      request.filter = context.filter()
      request.explain = context.random.chance(0.3)
      return request
    },
    FuzzedRPC(
      (
        Scoring.GetPortfolioSummary.Input.self, Scoring.GetPortfolioSummary.Output.self,
        Scoring.GetPortfolioSummary.descriptor
      ),
      writes: false, revision: { $0.revision }
    ) { context in
      .with { $0.filter = context.filter() }
    },
    FuzzedRPC(
      (Scoring.SimulateWhatIf.Input.self, Scoring.SimulateWhatIf.Output.self, Scoring.SimulateWhatIf.descriptor),
      writes: false, revision: { $0.revision }
    ) { context in
      var request = Impact_V1_SimulateWhatIfRequest()
      for _ in 0..<context.random.integer(1...4) {
        var change = Impact_V1_WhatIfChange()
        switch context.random.integer(0...2) {
        case 0:
          let project = context.newProject()
          change.addProject = context.message(project)
        case 1:
          change.removeProjectID = context.projectID()
        default:
          var project = context.storedProject() ?? context.newProject()
          project.amount = (project.amount * 2).rounded()
          change.replaceProject = context.message(project)
        }
        if context.hostile(), context.random.chance(0.2) { change.change = nil }
        request.changes.append(change)
      }
      if context.hostile() {
        let count = context.random.integer(1_000...max(1_000, context.maximumPayload / 16))
        request.changes += (0..<count).map { index in .with { $0.removeProjectID = "ghost-\(index)" } }
      }
      request.filter = context.filter()
      return request
    },
  ]

  /// Two to five projects to import: new ones, stored ones changed, or the same again.
  private static func importedProjects(_ context: inout RequestContext) -> [Project] {
    (0..<context.random.integer(2...5)).map { _ in
      if context.random.chance(0.3), var project = context.storedProject() {
        project.territory = "Imported"
        return project
      }
      return context.newProject()
    }
  }

  private static func fillImportOptions(
    _ request: inout Impact_V1_ImportPortfolioRequest, _ context: inout RequestContext
  ) {
    // Replacing the whole portfolio with a handful of projects is valid but rare, so most of
    // the portfolio survives for the other RPCs.
    request.mode = context.random.chance(0.05) ? .replace : .upsert
    request.mode = context.enumeration(request.mode)
    request.validateOnly = context.random.chance(0.3)
    if let revision = context.expectedRevision() { request.expectedRevision = revision }
    if context.hostile(), context.random.chance(0.2) { request.source = nil }
  }
}
