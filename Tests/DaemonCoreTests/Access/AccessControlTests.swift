import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import ImpactConfiguration
import ImpactCredentials
import ImpactRPC
import ImpactStorage
import ImpactStore
import SwiftProtobuf
import Testing

/// Every RPC of every service, called by every role, with authentication on: the table below
/// is the contract, written independently of the daemon's policy. A method the daemon serves
/// without a row here fails the test, and so does any difference.
@Suite("Access control: every RPC × every role", .timeLimit(.minutes(3)))
struct AccessControlTests {
  /// The least role each RPC needs; `nil` for health, open to anyone.
  static let contract: [String: Role?] = [
    "impact.v1.ScoringService/GetProjectScore": .viewer,
    "impact.v1.ScoringService/RankProjects": .viewer,
    "impact.v1.ScoringService/StreamProjectScores": .viewer,
    "impact.v1.ScoringService/CompareProjects": .viewer,
    "impact.v1.ScoringService/GetPortfolioSummary": .viewer,
    "impact.v1.ScoringService/SimulateWhatIf": .analyst,
    "impact.v1.ProjectService/GetProject": .viewer,
    "impact.v1.ProjectService/ListProjects": .viewer,
    "impact.v1.ProjectService/ListObservations": .viewer,
    "impact.v1.ProjectService/CreateProject": .editor,
    "impact.v1.ProjectService/UpdateProject": .editor,
    "impact.v1.ProjectService/DeleteProject": .editor,
    "impact.v1.ProjectService/RecordObservation": .editor,
    "impact.v1.ProjectService/RecordRating": .editor,
    "impact.v1.PortfolioService/GetScheme": .viewer,
    "impact.v1.PortfolioService/ExportPortfolio": .analyst,
    "impact.v1.PortfolioService/ExportPortfolioStream": .analyst,
    "impact.v1.PortfolioService/ImportPortfolio": .editor,
    "impact.v1.PortfolioService/ImportPortfolioStream": .editor,
    "impact.v1.PortfolioService/SetScheme": .admin,
    "impact.v1.StatusService/GetStatus": .viewer,
    "impact.v1.WatchService/WatchChanges": .analyst,
    "impact.v1.AuditService/ListAuditEntries": .admin,
    "impact.v1.HistoryService/ListSnapshots": .viewer,
    "impact.v1.HistoryService/GetSnapshot": .viewer,
    "impact.v1.HistoryService/DiffPortfolios": .viewer,
    "impact.v1.HistoryService/GetTrend": .viewer,
    "impact.v1.HistoryService/GetProgress": .viewer,
    "impact.v1.HistoryService/CreateSnapshot": .editor,
    "impact.v1.HistoryService/DeleteSnapshot": .admin,
    "impact.v1.FrameworkService/GetIndicatorBank": .viewer,
    "impact.v1.FrameworkService/GetFramework": .viewer,
    "impact.v1.FrameworkService/ListFrameworkVersions": .viewer,
    "impact.v1.FrameworkService/CheckFramework": .viewer,
    "impact.v1.FrameworkService/SetFramework": .admin,
    "grpc.health.v1.Health/Check": nil,
    "grpc.health.v1.Health/List": nil,
    "grpc.health.v1.Health/Watch": nil,
    "grpc.reflection.v1.ServerReflection/ServerReflectionInfo": .viewer,
    "grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo": .viewer,
  ]

  @Test("each RPC answers exactly the roles of the contract; no token is UNAUTHENTICATED")
  func everyMethodTimesEveryRole() async throws {
    let setup = try AuthenticatedDaemon()
    let methods = try Self.servedMethods()
    let unlisted = methods.map(\.fullyQualifiedMethod).filter { Self.contract[$0] == nil }
    #expect(unlisted.isEmpty, "RPCs without a row in the access contract: \(unlisted)")
    let contractOnly = Set(Self.contract.keys).subtracting(methods.map(\.fullyQualifiedMethod))
    #expect(contractOnly.isEmpty, "rows for RPCs the daemon does not serve: \(contractOnly)")

    try await setup.run { daemon in
      try await daemon.withClient { client in
        // Generous per-call limits: a DEADLINE_EXCEEDED on a loaded machine would read as a
        // wrong answer; the suite's own limit still bounds the whole test.
        for method in methods {
          guard let needed = Self.contract[method.fullyQualifiedMethod] else { continue }
          let anonymous = try await client.statusOfCall(method, timeout: .seconds(20))
          if needed == nil {
            #expect(anonymous != .unauthenticated && anonymous != .permissionDenied, "\(method) is open")
          } else {
            #expect(anonymous == .unauthenticated, "\(method) without a token")
          }
          for role in Role.allCases {
            let code = try await client.statusOfCall(method, metadata: setup.metadata(role), timeout: .seconds(20))
            let refused = code == .permissionDenied || code == .unauthenticated
            let allowed = needed.map { role >= $0 } ?? true
            #expect(refused == !allowed, "\(method) as \(role): got \(code.map { "\($0)" } ?? "OK")")
          }
        }
      }
    }
  }

  @Test("a bad, malformed or revoked token is UNAUTHENTICATED; a stolen id with another secret too")
  func badTokens() async throws {
    let setup = try AuthenticatedDaemon()
    let method = Impact_V1_ScoringService.Method.RankProjects.descriptor
    try await setup.run { daemon in
      try await daemon.withClient { client in
        let viewer = setup.tokens[.viewer]!
        let forged = String(viewer.dropLast(4)) + (viewer.hasSuffix("AAAA") ? "BBBB" : "AAAA")
        for header: String in [
          "Bearer impact_0123456789abcdef_" + String(repeating: "A", count: 43), "Bearer \(forged)",
          "Bearer not-a-token", "Basic \(viewer)", "Bearer", viewer,
        ] {
          let code = try await client.statusOfCall(method, metadata: ["authorization": .string(header)])
          #expect(code == .unauthenticated, "authorization: \(header)")
        }

        let store = try CredentialStore.open(atPath: setup.configuration.database.path)
        try store.revoke(.token, name: "viewer-caller")
        try store.close()
        let refused = try await withTimeout(.seconds(30), "the revocation to reach the daemon") {
          while true {
            let code = try await client.statusOfCall(method, metadata: setup.metadata(.viewer))
            if code == .unauthenticated { return true }
            try await Task.sleep(for: .milliseconds(100))
          }
        }
        #expect(refused)
        let other = try await client.statusOfCall(method, metadata: setup.metadata(.analyst))
        #expect(other == nil)
      }
    }
  }

  @Test("replacing the whole portfolio needs admin; the journal names the token that changed it")
  func replaceNeedsAdminAndJournalNamesTheCaller() async throws {
    let setup = try AuthenticatedDaemon(seedDemo: true)
    try await setup.run { daemon in
      try await daemon.withClient { client in
        let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        let audit = Impact_V1_AuditService.Client(wrapping: client)

        let exported = try await portfolio.exportPortfolio(.init(), metadata: setup.metadata(.admin))
        // A replacement that changes something: one that changes nothing commits nothing.
        var document = try PortfolioJSON.decode(Data(exported.jsonDocument.utf8))
        document.projects[0].amount += 1
        var replace = Impact_V1_ImportPortfolioRequest()
        replace.jsonDocument = String(decoding: PortfolioJSON.encode(document), as: UTF8.self)
        replace.mode = .replace
        let editorReplace = try await client.statusOfCall(
          Impact_V1_PortfolioService.Method.ImportPortfolio.descriptor,
          bytes: try replace.serializedBytes(), metadata: setup.metadata(.editor))
        #expect(editorReplace == .permissionDenied)
        let adminReplace = try await client.statusOfCall(
          Impact_V1_PortfolioService.Method.ImportPortfolio.descriptor,
          bytes: try replace.serializedBytes(), metadata: setup.metadata(.admin))
        #expect(adminReplace == nil)

        let listed = try await projects.listProjects(.init(), metadata: setup.metadata(.viewer))
        let victim = try #require(listed.projects.first?.id)
        var delete = Impact_V1_DeleteProjectRequest()
        delete.id = victim
        _ = try await projects.deleteProject(delete, metadata: setup.metadata(.editor))

        let entries = try await audit.listAuditEntries(.init(), metadata: setup.metadata(.admin)).entries
        let last = try #require(entries.max { $0.revisionAfter < $1.revisionAfter })
        #expect(last.actor == "editor-caller")
        #expect(last.projectIds == [victim])
        #expect(last.rpcMethod == "/impact.v1.ProjectService/DeleteProject")
        let replaced = entries.first(where: { $0.kind == .portfolioReplaced })
        #expect(replaced?.actor == "admin-caller")
      }
    }
  }

  /// The fully qualified methods the impact daemon serves, health and reflection included.
  static func servedMethods() throws -> [MethodDescriptor] {
    let store = PortfolioStore(database: try ImpactDatabase.inMemory(), maximumWatchers: 1) { _ in }
    var services =
      ImpactServices.make(
        store: store, limits: .defaults, startedAt: Date(), databasePath: ":memory:", isServing: { true })
      + [HealthService(board: HealthStatusBoard())]
    let reflection = ReflectionService(serving: [])
    services += [reflection, ReflectionServiceV1Alpha(reflection)]
    var router = RPCRouter<HTTP2ServerTransport.Posix>()
    for service in services { service.registerMethods(with: &router) }
    return router.methods.sorted { $0.fullyQualifiedMethod < $1.fullyQualifiedMethod }
  }
}

/// An impact daemon with authentication on and one token per role, named `<role>-caller`.
struct AuthenticatedDaemon: Sendable {
  var configuration: DaemonConfiguration
  var tokens: [Role: String] = [:]
  var seedDemo: Bool

  init(seedDemo: Bool = false, configure: (inout DaemonConfiguration) -> Void = { _ in }) throws {
    var configuration = DaemonConfiguration.testing
    configuration.security.authentication = .on
    configure(&configuration)
    self.configuration = configuration
    self.seedDemo = seedDemo
    let store = try CredentialStore.open(atPath: configuration.database.path)
    defer { try? store.close() }
    for role in Role.allCases {
      tokens[role] = try store.createToken(name: "\(role)-caller", role: role).token.text
    }
  }

  func metadata(_ role: Role) -> Metadata { ["authorization": "Bearer \(tokens[role] ?? "")"] }

  func run<Result: Sendable>(_ body: @Sendable (RunningDaemon) async throws -> Result) async throws -> Result {
    try await withRunningDaemon(configuration: configuration, application: ImpactApplication(seedDemo: seedDemo), body)
  }
}
