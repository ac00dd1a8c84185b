import Analytics
import DaemonCore
import DaemonTestSupport
import GRPCCore
import ImpactAPI
import SwiftProtobuf
import Testing

/// Filters, search and observations through the real services over HTTP/2, in process: what
/// every client gets, not only `impact`.
@Suite("Filters, search and observations over gRPC", .timeLimit(.minutes(3)))
struct FilterAndObservationServiceTests {
  @Test("filters fold case and accents in every RPC that takes one, and say which values name nothing")
  func filters() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        let scoring = Impact_V1_ScoringService.Client(wrapping: client)

        let folded = try await projects.listProjects(.with { $0.filter = .with { $0.programmes = ["HEBERGEMENT"] } })
        #expect(folded.projects.map(\.id) == ["pension-de-famille-lille"])
        #expect(folded.unmatched.isEmpty)
        let ranked = try await scoring.rankProjects(.with { $0.filter = .with { $0.territories = ["ile de france"] } })
        #expect(ranked.projects.map(\.projectID) == ["bus-sante-mobile-93"])
        let byLabel = try await scoring.getPortfolioSummary(.with { $0.filter = .with { $0.domains = ["Santé"] } })
        let byID = try await scoring.getPortfolioSummary(.with { $0.filter = .with { $0.domains = ["health"] } })
        #expect(byLabel.summary.projects > 0 && byLabel.summary.projects == byID.summary.projects)

        let typo = try await projects.listProjects(
          .with {
            $0.filter = .with {
              $0.programmes = ["Hebergemnt"]
              $0.domains = ["santé publique"]
            }
          })
        #expect(typo.projects.isEmpty && typo.totalSize == 0)
        #expect(typo.unmatched.map(\.field) == ["programmes", "domains"])
        #expect(typo.unmatched.first?.nearest.first == "Hébergement")
        #expect(typo.unmatched.last?.nearest.first == "health")
      }
    }
  }

  @Test("a query keeps the projects where every word starts a word of the id, name, programme or territory")
  func search() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        for (query, expected) in [
          ("pension LILLE", ["pension-de-famille-lille"]), ("sante", ["bus-sante-mobile-93"]),
          ("marseille colis", ["colis-alimentaires-13"]), ("lille marseille", []),
        ] {
          let page = try await projects.listProjects(.with { $0.query = query })
          #expect(page.projects.map(\.id) == expected, "\(query)")
          #expect(page.totalSize == Int64(expected.count))
        }
      }
    }
  }

  @Test("observations are refused for a bad period or an implausible value, store nothing then, and list in pages")
  func observations() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        func record(
          _ value: Double, _ period: String, force: Bool = false
        ) async throws -> Impact_V1_RecordObservationResponse {
          try await projects.recordObservation(
            .with {
              $0.observation = .with {
                $0.projectID = "chantier-insertion-lyon"
                $0.outcomeID = "emploi-durable"
                $0.value = value
                $0.period = period
              }
              $0.acceptOutOfRange = force
            })
        }
        let before = try await projects.getProject(.with { $0.id = "chantier-insertion-lyon" })
        for (value, period, field) in [(40.0, "T3 2026", "period"), (-4, "2026-Q3", "value"), (335, "2026", "value")] {
          let error = await #expect(throws: RPCError.self) { try await record(value, period) }
          #expect(error?.code == .invalidArgument)
          #expect(error?.message.contains("outcomes[emploi-durable].\(field)") == true, "\(error?.message ?? "")")
        }
        let unchanged = try await projects.getProject(.with { $0.id = "chantier-insertion-lyon" })
        #expect(unchanged.revision == before.revision && unchanged.project == before.project)

        #expect(try await record(33.5, "2026-s1").observation.period == "2026-S1")
        let forced = try await record(-4, "2026-01-01/2026-06-30", force: true)
        #expect(forced.project.outcomes[0].actual == -4 && forced.observation.forced)
        // --force on a plausible value forces nothing.
        #expect(try await record(52, "2026-Q3", force: true).observation.forced == false)

        var pages: [[Double]] = []
        var request = Impact_V1_ListObservationsRequest.with {
          $0.projectID = "chantier-insertion-lyon"
          $0.outcomeID = "emploi-durable"
          $0.pageSize = 2
        }
        while true {
          let page = try await projects.listObservations(request)
          #expect(page.totalSize == 3)
          pages.append(page.observations.map(\.value))
          if page.nextPageToken.isEmpty { break }
          request.pageToken = page.nextPageToken
        }
        #expect(pages == [[33.5, -4], [52]])
        let listed = try await projects.listObservations(
          .with {
            $0.projectID = "chantier-insertion-lyon"; $0.outcomeID = "emploi-durable"
          })
        #expect(listed.observations.map(\.forced) == [false, true, false])
        let unknown = await #expect(throws: RPCError.self) {
          try await projects.listObservations(
            .with {
              $0.projectID = "chantier-insertion-lyon"
              $0.outcomeID = "nope"
            })
        }
        #expect(unknown?.code == .notFound)
      }
    }
  }
}
