import GRPCCore
import ImpactAPI
import ImpactCredentials

extension AccessPolicy {
  /// Who may call each impact.v1 RPC. Replacing the whole portfolio through ImportPortfolio
  /// also needs admin; the service checks that, since it depends on the request's mode.
  /// `docs/security.md` has this table for people.
  public static let impactV1: AccessPolicy = {
    typealias Project = Impact_V1_ProjectService.Method
    typealias Portfolio = Impact_V1_PortfolioService.Method
    typealias Scoring = Impact_V1_ScoringService.Method
    typealias History = Impact_V1_HistoryService.Method
    typealias Framework = Impact_V1_FrameworkService.Method
    let rules: [(MethodDescriptor, Role)] = [
      // The committee reads scores, rankings, comparisons, the portfolio and its coverage,
      // and the projects, observations and scheme those are computed from.
      (Scoring.GetProjectScore.descriptor, .viewer),
      (Scoring.RankProjects.descriptor, .viewer),
      (Scoring.StreamProjectScores.descriptor, .viewer),
      (Scoring.CompareProjects.descriptor, .viewer),
      (Scoring.GetPortfolioSummary.descriptor, .viewer),
      (Project.GetProject.descriptor, .viewer),
      (Project.ListProjects.descriptor, .viewer),
      (Project.ListObservations.descriptor, .viewer),
      (Portfolio.GetScheme.descriptor, .viewer),
      (Impact_V1_StatusService.Method.GetStatus.descriptor, .viewer),
      // History: viewers read it, editors freeze snapshots, admins delete them.
      (History.ListSnapshots.descriptor, .viewer),
      (History.GetSnapshot.descriptor, .viewer),
      (History.DiffPortfolios.descriptor, .viewer),
      (History.GetTrend.descriptor, .viewer),
      (History.GetProgress.descriptor, .viewer),
      (History.CreateSnapshot.descriptor, .editor),
      (History.DeleteSnapshot.descriptor, .admin),
      // The référentiel: viewers read the bank, the framework and what the portfolio measures
      // of it; admins set the framework, as they set the scheme.
      (Framework.GetIndicatorBank.descriptor, .viewer),
      (Framework.GetFramework.descriptor, .viewer),
      (Framework.ListFrameworkVersions.descriptor, .viewer),
      (Framework.CheckFramework.descriptor, .viewer),
      (Framework.SetFramework.descriptor, .admin),
      // Analysts also simulate, export and follow changes.
      (Scoring.SimulateWhatIf.descriptor, .analyst),
      (Portfolio.ExportPortfolio.descriptor, .analyst),
      (Portfolio.ExportPortfolioStream.descriptor, .analyst),
      (Impact_V1_WatchService.Method.WatchChanges.descriptor, .analyst),
      // Editors change projects, ratings and observations, and import.
      (Project.CreateProject.descriptor, .editor),
      (Project.UpdateProject.descriptor, .editor),
      (Project.DeleteProject.descriptor, .editor),
      (Project.RecordObservation.descriptor, .editor),
      (Project.RecordRating.descriptor, .editor),
      (Portfolio.ImportPortfolio.descriptor, .editor),
      (Portfolio.ImportPortfolioStream.descriptor, .editor),
      // Administrators change the method and read the audit journal.
      (Portfolio.SetScheme.descriptor, .admin),
      (Impact_V1_AuditService.Method.ListAuditEntries.descriptor, .admin),
    ]
    var methods: [String: AccessRule] = [:]
    for (descriptor, role) in rules { methods[descriptor.fullyQualifiedMethod] = .role(role) }
    return AccessPolicy(methods: methods)
  }()

  /// Server reflection answers viewers, the least role: descriptors are the API's public shape,
  /// but a caller that cannot call any RPC has no use for them, and an unauthenticated one
  /// gets nothing decoded beyond health (`docs/security.md`).
  public static let reflection = AccessPolicy(
    services: Dictionary(uniqueKeysWithValues: ReflectionService.serviceNames.map { ($0, .role(.viewer)) }))
}
