import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import ImpactConfiguration
import ImpactStore
import SwiftProtobuf
import Testing

/// Every request limit of `DaemonConfiguration.Limits`, through a real HTTP/2 socket: the
/// refusal's code and message, and nothing changed by a refused request.
@Suite("Request limits", .timeLimit(.minutes(3)))
struct RequestLimitTests {
  typealias Client = GRPCClient<HTTP2ClientTransport.Posix>

  /// The four worked-example projects, with several outcomes and ratings each.
  static func fixtureProjects() throws -> [Project] {
    try PortfolioJSON.decode(Data(ImpactServiceTests.fixture.utf8), source: "fixture").projects
  }

  /// Revision and project count, to show a refused request changed nothing.
  static func state(_ client: Client) async throws -> (revision: Int64, projects: Int64) {
    let status = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init())
    return (status.revision, status.projectCount)
  }

  /// A daemon with `limits` changed by `configure`, on a database holding the fixture (imported
  /// by a first daemon with the default limits, which the fixture may exceed).
  static func withLimitedDaemon(
    _ configure: @Sendable (inout DaemonConfiguration.Limits) -> Void,
    application: ImpactApplication = ImpactApplication(),
    _ body: @Sendable @escaping (Client) async throws -> Void
  ) async throws {
    var configuration = DaemonConfiguration.testing
    try await withRunningDaemon(configuration: configuration, application: ImpactApplication(), keepDatabase: true) {
      daemon in
      try await daemon.withClient { client in _ = try await ImpactServiceTests.importFixture(client) }
    }
    configure(&configuration.limits)
    try await withRunningDaemon(configuration: configuration, application: application) { daemon in
      try await daemon.withClient { client in try await body(client) }
    }
  }

  struct ImportCase: Sendable, CustomTestStringConvertible {
    var limit: String
    var set: @Sendable (inout DaemonConfiguration.Limits, _ projects: Int, _ outcomes: Int, _ ratings: Int) -> Void
    /// The count the message must name.
    var count: @Sendable (_ projects: Int, _ outcomes: Int, _ ratings: Int) -> Int
    var testDescription: String { limit }
  }

  static let importCases: [ImportCase] = [
    ImportCase(
      limit: "limits.maxProjectsPerRequest",
      set: { limits, projects, _, _ in limits.maxProjectsPerRequest = projects - 1 },
      count: { projects, _, _ in projects }),
    ImportCase(
      limit: "limits.maxOutcomesPerRequest",
      set: { limits, _, outcomes, _ in limits.maxOutcomesPerRequest = outcomes - 1 },
      count: { _, outcomes, _ in outcomes }),
    ImportCase(
      limit: "limits.maxRatingsPerRequest", set: { limits, _, _, ratings in limits.maxRatingsPerRequest = ratings - 1 },
      count: { _, _, ratings in ratings }),
  ]

  @Test("an import over a project, outcome or rating limit is refused and changes nothing", arguments: importCases)
  func importOverLimit(_ limitCase: ImportCase) async throws {
    let projects = try Self.fixtureProjects()
    let outcomes = projects.reduce(0) { $0 + $1.outcomes.count }
    let ratings = projects.reduce(0) { $0 + $1.ratings.count }
    #expect(outcomes > 1 && ratings > 1)
    var configuration = DaemonConfiguration.testing
    limitCase.set(&configuration.limits, projects.count, outcomes, ratings)
    let expectedCount = limitCase.count(projects.count, outcomes, ratings)
    try await withRunningDaemon(configuration: configuration, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let before = try await Self.state(client)
        let refused = await #expect(throws: RPCError.self) {
          try await ImpactServiceTests.importFixture(client)
        }
        #expect(refused?.code == .resourceExhausted)
        #expect(refused?.message.contains(limitCase.limit) == true)
        #expect(refused?.message.contains("at most \(expectedCount - 1)") == true)
        #expect(refused?.message.contains("got \(expectedCount)") == true)
        let after = try await Self.state(client)
        #expect(after == before)
        #expect(after.projects == 0)
      }
    }
  }

  @Test("a project created with more outcomes than the limit is refused and changes nothing")
  func createOverOutcomeLimit() async throws {
    let template = try #require(try Self.fixtureProjects().max { $0.outcomes.count < $1.outcomes.count })
    let outcomeCount = template.outcomes.count
    try await Self.withLimitedDaemon({ $0.maxOutcomesPerRequest = outcomeCount - 1 }) { client in
      let before = try await Self.state(client)
      var project = Impact_V1_Project(template)
      project.id = "new-project"
      let refused = await #expect(throws: RPCError.self) {
        try await Impact_V1_ProjectService.Client(wrapping: client).createProject(.with { $0.project = project })
      }
      #expect(refused?.code == .resourceExhausted)
      #expect(
        refused?.message
          == "project: at most \(outcomeCount - 1) outcomes per request (limits.maxOutcomesPerRequest), got \(outcomeCount) over 1 project"
      )
      let after = try await Self.state(client)
      #expect(after == before)
    }
  }

  @Test("an update carrying more ratings than the limit is refused and changes nothing")
  func updateOverRatingLimit() async throws {
    let template = try #require(try Self.fixtureProjects().max { $0.ratings.count < $1.ratings.count })
    let ratingCount = template.ratings.count
    try await Self.withLimitedDaemon({ $0.maxRatingsPerRequest = ratingCount - 1 }) { client in
      let projects = Impact_V1_ProjectService.Client(wrapping: client)
      let before = try await projects.getProject(.with { $0.id = template.id })
      var changed = before.project
      changed.name = "Renamed"
      let refused = await #expect(throws: RPCError.self) {
        try await projects.updateProject(.with { $0.project = changed })
      }
      #expect(refused?.code == .resourceExhausted)
      #expect(refused?.message.contains("limits.maxRatingsPerRequest") == true)
      #expect(refused?.message.contains("got \(ratingCount)") == true)
      let after = try await projects.getProject(.with { $0.id = template.id })
      #expect(after == before)
    }
  }

  @Test("a what-if adding more outcomes than the limit is refused")
  func whatIfOverOutcomeLimit() async throws {
    let templates = try Self.fixtureProjects()
    let outcomes = templates.reduce(0) { $0 + $1.outcomes.count }
    try await Self.withLimitedDaemon({ $0.maxOutcomesPerRequest = outcomes - 1 }) { client in
      let changes: [Impact_V1_WhatIfChange] = templates.map { template in
        var project = Impact_V1_Project(template)
        project.id = "what-if-\(template.id)"
        return .with { $0.addProject = project }
      }
      let refused = await #expect(throws: RPCError.self) {
        try await Impact_V1_ScoringService.Client(wrapping: client).simulateWhatIf(.with { $0.changes = changes })
      }
      #expect(refused?.code == .resourceExhausted)
      #expect(
        refused?.message.contains("outcomes per simulation (limits.maxOutcomesPerRequest), got \(outcomes)") == true)
    }
  }

  @Test("an import over the payload limit is RESOURCE_EXHAUSTED naming the limit; the connection goes on")
  func importOverPayloadLimit() async throws {
    let document = try ImpactServiceTests.fixture
    let fitting = Impact_V1_ImportPortfolioRequest.with { $0.jsonDocument = document }
    let limit = try (fitting.serializedBytes() as [UInt8]).count + 100
    // Trailing blanks keep the document valid JSON, so only its size is wrong.
    let oversized = Impact_V1_ImportPortfolioRequest.with {
      $0.jsonDocument = document + String(repeating: " ", count: 1000)
    }
    let oversizedBytes = try (oversized.serializedBytes() as [UInt8]).count
    var configuration = DaemonConfiguration.testing
    configuration.limits.maxRequestPayloadBytes = limit
    try await withRunningDaemon(configuration: configuration, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)
        let before = try await Self.state(client)
        let refused = await #expect(throws: RPCError.self) {
          try await portfolio.importPortfolio(oversized)
        }
        #expect(refused?.code == .resourceExhausted)
        #expect(
          refused?.message
            == "request message of \(oversizedBytes) bytes exceeds the limit of \(limit) bytes (limits.maxRequestPayloadBytes)"
        )
        let after = try await Self.state(client)
        #expect(after == before)
        #expect(after.projects == 0)

        // The same client, on the same connection, imports a document under the limit.
        let imported = try await portfolio.importPortfolio(fitting)
        #expect(imported.created == 4)
        #expect(imported.revision == before.revision + 1)
      }
    }
  }

  @Test("a watch filtering on more project ids than the limit is refused")
  func watchFilterOverProjectLimit() async throws {
    try await Self.withLimitedDaemon({ $0.maxProjectsPerRequest = 3 }) { client in
      let refused = await #expect(throws: RPCError.self) {
        try await Impact_V1_WatchService.Client(wrapping: client).watchChanges(
          .with { $0.projectIds = ["a", "b", "c", "d"] }
        ) { response in
          for try await _ in response.messages {}
        }
      }
      #expect(refused?.code == .resourceExhausted)
      #expect(refused?.message == "project_ids: at most 3 project ids per watch (limits.maxProjectsPerRequest), got 4")
    }
  }

  @Test("a negative page size is INVALID_ARGUMENT on every list", arguments: ["projects", "observations", "audit"])
  func negativePageSize(_ list: String) async throws {
    try await Self.withLimitedDaemon({ _ in }) { client in
      let refused = await #expect(throws: RPCError.self) {
        switch list {
        case "projects":
          _ = try await Impact_V1_ProjectService.Client(wrapping: client).listProjects(.with { $0.pageSize = -1 })
        case "observations":
          _ = try await Impact_V1_ProjectService.Client(wrapping: client).listObservations(
            .with {
              $0.projectID = "bus-sante-mobile-93"
              $0.pageSize = -1
            })
        default:
          _ = try await Impact_V1_AuditService.Client(wrapping: client).listAuditEntries(.with { $0.pageSize = -1 })
        }
      }
      #expect(refused?.code == .invalidArgument)
      #expect(refused?.message == "page_size: must not be negative, got -1")
    }
  }

  @Test("a page size above the maximum is clamped to it, and the next page follows")
  func pageSizeClamped() async throws {
    try await Self.withLimitedDaemon({ $0.maxPageSize = 3 }) { client in
      let projects = Impact_V1_ProjectService.Client(wrapping: client)
      let first = try await projects.listProjects(.with { $0.pageSize = 1000 })
      #expect(first.projects.count == 3)
      #expect(first.totalSize == 4)
      #expect(!first.nextPageToken.isEmpty)
      let second = try await projects.listProjects(
        .with {
          $0.pageSize = 1000
          $0.pageToken = first.nextPageToken
        })
      #expect(second.projects.count == 1)
      #expect(second.nextPageToken.isEmpty)
      #expect(Set((first.projects + second.projects).map(\.id)).count == 4)
    }
  }

  @Test("watchers beyond the limit are refused with RESOURCE_EXHAUSTED, and a closed watch frees its slot")
  func watchSubscriberLimit() async throws {
    let application = ImpactApplication()
    try await Self.withLimitedDaemon({ $0.maxWatchSubscribers = 2 }, application: application) { client in
      let watch = Impact_V1_WatchService.Client(wrapping: client)
      let projects = Impact_V1_ProjectService.Client(wrapping: client)
      let store = try #require(application.store)
      try await withTimeout(.seconds(60), "the watch limit scenario") {
        // Each watcher replays the import (revision 1), which proves it is subscribed, then
        // stops at the first live change at or after `until`.
        let (subscribed, announce) = AsyncStream.makeStream(of: Int.self)
        @Sendable func watcher(_ number: Int, until revision: Int64) async throws {
          try await watch.watchChanges(.with { $0.sinceRevision = 0 }) { response in
            for try await event in response.messages {
              if event.revision == 1 { announce.yield(number) }
              if event.revision >= revision { return }
            }
          }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask { try await watcher(1, until: 2) }
          group.addTask { try await watcher(2, until: 3) }
          var iterator = subscribed.makeAsyncIterator()
          _ = await iterator.next()
          _ = await iterator.next()
          #expect(store.watcherCount == 2)

          let refused = await #expect(throws: RPCError.self) {
            try await watcher(3, until: 2)
          }
          #expect(refused?.code == .resourceExhausted)
          #expect(refused?.message.contains("at most 2") == true)

          // Revision 2 ends watcher 1; its slot is freed when its stream ends on the server.
          _ = try await projects.deleteProject(.with { $0.id = "colis-alimentaires-13" })
          try await group.next()
          while store.watcherCount > 1 { try await Task.sleep(for: .milliseconds(10)) }

          group.addTask { try await watcher(4, until: 3) }
          let fourth = await iterator.next()
          #expect(fourth == 4)
          _ = try await projects.deleteProject(.with { $0.id = "bus-sante-mobile-93" })
          try await group.waitForAll()
        }
      }
    }
  }
}
