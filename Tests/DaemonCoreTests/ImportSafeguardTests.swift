import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import SwiftProtobuf
import Testing

/// The daemon protects the portfolio from any client, not only from `impact`: the request's
/// own fields decide, and a refused import leaves every revision, rating and value as it was.
@Suite("Import safeguards over gRPC", .timeLimit(.minutes(3)))
struct ImportSafeguardTests {
  @Test("a replacement deleting more than half needs confirm_large_deletion")
  func largeDeletionNeedsConfirmation() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)
        var document = try PortfolioJSON.decode(Data(try ImpactServiceTests.fixture.utf8))
        document.projects = Array(document.projects.prefix(1))
        var request = Impact_V1_ImportPortfolioRequest()
        request.jsonDocument = String(decoding: PortfolioJSON.encode(document), as: UTF8.self)
        request.mode = .replace
        let error = await #expect(throws: RPCError.self) { try await portfolio.importPortfolio(request) }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("3 of the 4") == true, "\(error?.message ?? "")")
        let status = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init())
        #expect(status.revision == 1)

        // Undated, the document cannot show the deleted projects' ratings are older than it.
        request.confirmLargeDeletion = true
        let undated = await #expect(throws: RPCError.self) { try await portfolio.importPortfolio(request) }
        #expect(undated?.message.contains("carries no revision or date") == true, "\(undated?.message ?? "")")
        request.overwriteNewer = true
        let replaced = try await portfolio.importPortfolio(request)
        #expect(replaced.deleted == 3)
        #expect(replaced.storedBefore == 4)
        #expect(replaced.revision == 2)
      }
    }
  }

  @Test("an export re-imported after a rating is refused; with overwrite_newer it replaces it")
  func newerRatingIsProtected() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)
        let exported = try await portfolio.exportPortfolio(.init())
        _ = try await Impact_V1_ProjectService.Client(wrapping: client).recordRating(
          .with {
            $0.projectID = "chantier-insertion-lyon"
            $0.rating = .with {
              $0.criterion = "who"
              $0.rater = "amel"
              $0.value = 1
            }
          })
        var request = Impact_V1_ImportPortfolioRequest()
        request.jsonDocument = exported.jsonDocument
        let error = await #expect(throws: RPCError.self) { try await portfolio.importPortfolio(request) }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("rating who by amel") == true, "\(error?.message ?? "")")

        request.validateOnly = true
        let dryRun = try await portfolio.importPortfolio(request)
        #expect(dryRun.newerCount == 1)
        #expect(dryRun.documentRevision == 1)
        let value = try #require(dryRun.projects.first?.replaced.first)
        #expect(value.kind == .rating && value.before == 1 && value.after != 1 && value.newer)
        #expect(value.recordedRevision == 2)

        request.validateOnly = false
        request.overwriteNewer = true
        let imported = try await portfolio.importPortfolio(request)
        #expect(imported.updated == 1)
        #expect(imported.revision == 3)
      }
    }
  }

  @Test("a document from another portfolio (a revision beyond this one's) is dated by document_time")
  func foreignRevisionIsDatedByTime() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        _ = try await Impact_V1_ProjectService.Client(wrapping: client).recordRating(
          .with {
            $0.projectID = "chantier-insertion-lyon"
            $0.rating = .with {
              $0.criterion = "who"
              $0.rater = "amel"
              $0.value = 1
            }
          })
        var document = try PortfolioJSON.decode(Data(try ImpactServiceTests.fixture.utf8))
        document.revision = 99
        let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)
        var request = Impact_V1_ImportPortfolioRequest.with {
          $0.jsonDocument = String(decoding: PortfolioJSON.encode(document), as: UTF8.self)
          $0.documentTime = Google_Protobuf_Timestamp(date: Date(timeIntervalSinceNow: -3_600))
        }
        // Made an hour ago: older than the rating, refused.
        let error = await #expect(throws: RPCError.self) { try await portfolio.importPortfolio(request) }
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("made ") == true, "\(error?.message ?? "")")

        // Made after the rating: it goes through, and says which revision it carried.
        request.documentTime = Google_Protobuf_Timestamp(date: Date(timeIntervalSinceNow: 3_600))
        let imported = try await portfolio.importPortfolio(request)
        #expect(imported.updated == 1)
        #expect(imported.documentRevision == 99)
        #expect(imported.newerCount == 0)
      }
    }
  }
}
