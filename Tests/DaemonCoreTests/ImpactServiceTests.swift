import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import ImpactConfiguration
import ImpactStorage
import SwiftProtobuf
import Testing

/// The impact.v1 services through a real HTTP/2 socket, in process: import, query, write,
/// refuse, restart on the same database.
@Suite("Impact services over gRPC", .timeLimit(.minutes(3)))
struct ImpactServiceTests {
  static var fixture: String {
    get throws {
      let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("AnalyticsTests/Fixtures/worked-examples.json")
      return try String(contentsOf: url, encoding: .utf8)
    }
  }

  static func importFixture(
    _ client: GRPCClient<HTTP2ClientTransport.Posix>
  ) async throws -> Impact_V1_ImportPortfolioResponse {
    let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)
    let document = try fixture
    return try await portfolio.importPortfolio(.with { $0.jsonDocument = document })
  }

  @Test("import, score, rank, summary and what-if answer from the same revision")
  func importAndQuery() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        let imported = try await Self.importFixture(client)
        #expect(imported.created == 4)
        #expect(imported.revision == 1)

        let scoring = Impact_V1_ScoringService.Client(wrapping: client)
        let score = try await scoring.getProjectScore(
          .with {
            $0.id = "pension-de-famille-lille"
            $0.explain = true
          })
        #expect(score.revision == 1)
        #expect(abs(score.score.composite - 33.948813620055745) < 1e-9)
        #expect(score.score.rank == 2)
        #expect(abs(score.score.contribution - 0.5000903666439103) < 1e-9)
        #expect(!score.score.explanation.steps.isEmpty)

        let ranking = try await scoring.rankProjects(.with { $0.top = 2 })
        #expect(ranking.projects.map(\.projectID) == ["chantier-insertion-lyon", "pension-de-famille-lille"])
        #expect(ranking.totalSize == 4)

        let summary = try await scoring.getPortfolioSummary(.init())
        #expect(abs(summary.summary.weightedComposite - 30.856980952794494) < 1e-9)
        #expect(summary.summary.gaps.contains("education"))
        // The summary lists the largest contributions only; each score carries its own.
        #expect(summary.contributionCount == 4)
        #expect(summary.summary.contributions.first?.projectID == "pension-de-famille-lille")
        let top = try await scoring.getPortfolioSummary(.with { $0.topContributions = 2 })
        #expect(top.summary.contributions.map(\.projectID) == ["pension-de-famille-lille", "chantier-insertion-lyon"])
        #expect(top.contributionCount == 4)
        for refused in [Int32(-1), 1_001] {
          let error = await #expect(throws: RPCError.self) {
            try await scoring.getPortfolioSummary(.with { $0.topContributions = refused })
          }
          #expect(error?.code == .invalidArgument && error?.message.contains("top_contributions") == true)
        }

        let whatIf = try await scoring.simulateWhatIf(
          .with {
            $0.changes = [.with { $0.removeProjectID = "colis-alimentaires-13" }]
          })
        #expect(whatIf.before.projects == 4)
        #expect(whatIf.after.projects == 3)
        // A what-if persists nothing.
        let status = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init())
        #expect(status.projectCount == 4)
        #expect(status.revision == 1)
      }
    }
  }

  @Test("bad requests get the right status code and name the field, and change nothing")
  func refusals() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await Self.importFixture(client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)

        let missing = await #expect(throws: RPCError.self) {
          try await projects.getProject(.with { $0.id = "nope" })
        }
        #expect(missing?.code == .notFound)

        var bad = try await projects.getProject(.with { $0.id = "chantier-insertion-lyon" }).project
        bad.outcomes[0].threshold = 5
        let invalid = await #expect(throws: RPCError.self) {
          try await projects.updateProject(.with { $0.project = bad })
        }
        #expect(invalid?.code == .invalidArgument)
        #expect(invalid?.message.contains("threshold") == true)

        let stale = await #expect(throws: RPCError.self) {
          try await projects.deleteProject(
            .with {
              $0.id = "chantier-insertion-lyon"
              $0.expectedRevision = 0
            })
        }
        #expect(stale?.code == .failedPrecondition)

        let duplicate = await #expect(throws: RPCError.self) {
          try await projects.createProject(.with { $0.project = bad })
        }
        #expect(duplicate?.code == .alreadyExists || duplicate?.code == .invalidArgument)

        let syntax = await #expect(throws: RPCError.self) {
          try await Impact_V1_PortfolioService.Client(wrapping: client).importPortfolio(
            .with {
              $0.jsonDocument = "{\"format\": \"impact-portfolio/1\", \"projects\": [ {\"id\": 1} ]}"
            })
        }
        #expect(syntax?.code == .invalidArgument)

        let listed = try await projects.listProjects(.init())
        #expect(listed.revision == 1)
        #expect(listed.totalSize == 4)
      }
    }
  }

  @Test("a partial update with a field mask changes only the named fields")
  func partialUpdate() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await Self.importFixture(client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        let updated = try await projects.updateProject(
          .with {
            $0.project = .with {
              $0.id = "bus-sante-mobile-93"
              $0.amount = 250_000
            }
            $0.updateMask = .with { $0.paths = ["amount"] }
            $0.expectedRevision = 1
          })
        #expect(updated.revision == 2)
        #expect(updated.project.amount == 250_000)
        #expect(updated.project.outcomes.count == 2)
        #expect(updated.project.name == "Bus santé mobile – Seine-Saint-Denis")
      }
    }
  }

  @Test("a restarted daemon serves what the previous one acknowledged")
  func restartKeepsData() async throws {
    var configuration = DaemonConfiguration.testing
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "impactd-restart-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    configuration.database.path = directory.appendingPathComponent("impact.sqlite").path
    configuration.database.durability = .full

    try await withRunningDaemon(configuration: configuration, application: ImpactApplication(), keepDatabase: true) {
      daemon in
      try await daemon.withClient { client in
        _ = try await Self.importFixture(client)
        _ = try await Impact_V1_ProjectService.Client(wrapping: client).recordRating(
          .with {
            $0.projectID = "bus-sante-mobile-93"
            $0.rating = .with {
              $0.criterion = "systemic"
              $0.rater = "gaelle"
              $0.value = 3
            }
          })
      }
    }
    try await withRunningDaemon(configuration: configuration, application: ImpactApplication(), keepDatabase: true) {
      daemon in
      try await daemon.withClient { client in
        let project = try await Impact_V1_ProjectService.Client(wrapping: client).getProject(
          .with {
            $0.id = "bus-sante-mobile-93"
          })
        #expect(project.revision == 2)
        #expect(project.project.ratings.contains { $0.rater == "gaelle" && $0.value == 3 })
      }
    }
  }

  @Test("a watcher gets the journal since its revision, then live changes", .timeLimit(.minutes(3)))
  func watchStream() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await Self.importFixture(client)
        let watch = Impact_V1_WatchService.Client(wrapping: client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        let events = try await withTimeout(.seconds(30), "two change events") {
          try await withThrowingTaskGroup(of: [Impact_V1_ChangeEvent].self) { group in
            group.addTask {
              try await watch.watchChanges(.with { $0.sinceRevision = 0 }) { response in
                var received: [Impact_V1_ChangeEvent] = []
                for try await event in response.messages {
                  received.append(event)
                  if received.count == 2 { break }
                }
                return received
              }
            }
            // Revision 2 reaches the watcher either from the journal or live, exactly once.
            _ = try await projects.deleteProject(.with { $0.id = "colis-alimentaires-13" })
            let received = try await group.next() ?? []
            group.cancelAll()
            return received
          }
        }
        #expect(events.map(\.revision) == [1, 2])
        #expect(events.first?.kind == .portfolioImported)
        #expect(events.last?.kind == .projectDeleted)
        #expect(events.last?.projectIds == ["colis-alimentaires-13"])
      }
    }
  }
}
