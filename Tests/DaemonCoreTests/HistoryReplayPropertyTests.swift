import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import ImpactAPI
import ImpactConfiguration
import SwiftProtobuf
import Testing

/// The property of issue 12: a random sequence of changes through the real daemon (imports,
/// edits, ratings, observations, scheme changes, deletions, snapshots); after each one, what
/// the portfolio summary, the ranking and every score say is recorded; after a restart, `at`
/// each revision answers exactly the recorded JSON.
@Suite("History: reading the past answers what the daemon said then", .timeLimit(.minutes(3)))
struct HistoryReplayPropertyTests {
  /// A small deterministic generator (SplitMix64), so that a failure replays from its seed.
  struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
  }

  /// What the read RPCs answer at one revision, as JSON text.
  struct Answers: Equatable {
    var summary: String
    var ranking: String
    var scores: [String: String]
  }

  static func answers(
    _ client: GRPCClient<HTTP2ClientTransport.Posix>, at revision: Int64?
  ) async throws -> Answers {
    let scoring = Impact_V1_ScoringService.Client(wrapping: client)
    let at = revision.map { revision in Impact_V1_At.with { $0.revision = revision } }
    let summary = try await scoring.getPortfolioSummary(.with { if let at { $0.at = at } })
    let ranking = try await scoring.rankProjects(.with { if let at { $0.at = at } })
    var scores: [String: String] = [:]
    for entry in ranking.projects {
      let score = try await scoring.getProjectScore(
        .with {
          $0.id = entry.projectID
          $0.explain = true
          if let at { $0.at = at }
        })
      scores[entry.projectID] = try score.jsonString()
    }
    return Answers(summary: try summary.jsonString(), ranking: try ranking.jsonString(), scores: scores)
  }

  /// One random change; returns false when it was refused (nothing committed).
  static func change(
    _ client: GRPCClient<HTTP2ClientTransport.Posix>, _ random: inout Generator, step: Int
  ) async throws {
    let projects = Impact_V1_ProjectService.Client(wrapping: client)
    let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)
    let history = Impact_V1_HistoryService.Client(wrapping: client)
    let listed = try await projects.listProjects(.with { $0.pageSize = 1000 }).projects
    let kind = listed.isEmpty ? 0 : random.below(8)
    switch kind {
    case 0:
      // An import of the fixture, which may undo ratings and observations recorded since.
      let document = try ImpactServiceTests.fixture
      _ = try await portfolio.importPortfolio(
        .with {
          $0.jsonDocument = document
          $0.overwriteNewer = true
        })
    case 1:
      var project = listed[random.below(listed.count)]
      project.id = "copy-\(step)"
      project.amount = Double(10_000 + random.below(500_000))
      _ = try await projects.createProject(.with { $0.project = project })
    case 2:
      var project = listed[random.below(listed.count)]
      project.amount = Double(random.below(900_000))
      project.evidenceLevel = Int32(1 + random.below(5))
      _ = try await projects.updateProject(
        .with {
          $0.project = project
          $0.updateMask = .with { $0.paths = ["amount", "evidence_level"] }
        })
    case 3:
      let project = listed[random.below(listed.count)]
      _ = try await projects.recordRating(
        .with {
          $0.projectID = project.id
          $0.rating = .with {
            $0.criterion = ["what", "who", "participation", "systemic"][random.below(4)]
            $0.rater = ["amel", "bruno", "chloe", "zoe"][random.below(4)]
            $0.value = Double(random.below(9)) / 2
          }
        })
    case 4:
      let project = listed[random.below(listed.count)]
      guard let outcome = project.outcomes.first(where: { $0.hasBaseline && $0.hasThreshold }) else { return }
      let low = min(outcome.baseline, outcome.threshold)
      let high = max(outcome.baseline, outcome.threshold)
      _ = try await projects.recordObservation(
        .with {
          $0.observation = .with {
            $0.projectID = project.id
            $0.outcomeID = outcome.id
            $0.value = (low + (high - low) * random.unit()).rounded()
            $0.period = "2026-Q\(1 + random.below(4))"
            $0.source = "test"
          }
          $0.acceptOutOfRange = true
        })
    case 5:
      let document = try await portfolio.getScheme(.init()).documentJson
      var fields = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
      fields["blend"] = 0.3 + Double(random.below(5)) / 10
      let data = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
      _ = try await portfolio.setScheme(.with { $0.documentJson = String(decoding: data, as: UTF8.self) })
    case 6:
      guard listed.count > 1 else { return }
      _ = try await projects.deleteProject(.with { $0.id = listed[random.below(listed.count)].id })
    default:
      _ = try await history.createSnapshot(.with { $0.name = "s\(step)" })
    }
  }

  @Test("after a restart, at each revision every read answers the JSON it gave then", arguments: [1, 7, 42])
  func replayEqualsRecorded(seed: UInt64) async throws {
    let configuration = DaemonConfiguration.testing
    let random = Generator(state: seed)
    let recorded: [Int64: Answers] = try await withRunningDaemon(
      configuration: configuration, application: ImpactApplication(), keepDatabase: true
    ) { daemon in
      try await daemon.withClient { client in
        var generator = random
        var recorded: [Int64: Answers] = [:]
        recorded[0] = try await Self.answers(client, at: nil)
        for step in 1...30 {
          try await Self.change(client, &generator, step: step)
          let status = try await Impact_V1_StatusService.Client(wrapping: client).getStatus(.init())
          recorded[status.revision] = try await Self.answers(client, at: nil)
        }
        return recorded
      }
    }
    try await withRunningDaemon(configuration: configuration, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        // Oldest last, so that the cache cannot only serve later revisions from earlier ones.
        for revision in recorded.keys.sorted(by: >) {
          let replayed = try await Self.answers(client, at: revision)
          let expected = try #require(recorded[revision])
          #expect(replayed.summary == expected.summary, "summary at revision \(revision), seed \(seed)")
          #expect(replayed.ranking == expected.ranking, "ranking at revision \(revision), seed \(seed)")
          #expect(replayed.scores == expected.scores, "scores at revision \(revision), seed \(seed)")
        }
      }
    }
  }

  @Test("an unknown snapshot is NOT_FOUND, a revision beyond the current one and a future date INVALID_ARGUMENT")
  func refusals() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let scoring = Impact_V1_ScoringService.Client(wrapping: client)
        func code(_ at: Impact_V1_At) async -> RPCError.Code? {
          do {
            _ = try await scoring.getPortfolioSummary(.with { $0.at = at })
            return nil
          } catch let error as RPCError {
            return error.code
          } catch {
            return .unknown
          }
        }
        #expect(await code(.with { $0.snapshot = "nope" }) == .notFound)
        #expect(await code(.with { $0.revision = 2 }) == .invalidArgument)
        #expect(await code(.with { $0.date = "2999-01-01" }) == .invalidArgument)
        #expect(await code(.with { $0.date = "2026-02-30" }) == .invalidArgument)
        #expect(await code(.with { $0.time = .init(date: Date().addingTimeInterval(3600)) }) == .invalidArgument)
        #expect(await code(.with { $0.revision = 0 }) == nil)
        #expect(await code(.with { $0.date = "2000-01-01" }) == nil)
        let empty = try await scoring.getPortfolioSummary(.with { $0.at = .with { $0.date = "2000-01-01+02:00" } })
        #expect(empty.revision == 0 && empty.summary.projects == 0)
      }
    }
  }

  @Test("a snapshot's numbers do not change when the scheme does; scheme current re-scores it")
  func snapshotsAreFrozen() async throws {
    try await withRunningDaemon(application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let scoring = Impact_V1_ScoringService.Client(wrapping: client)
        let portfolio = Impact_V1_PortfolioService.Client(wrapping: client)
        let history = Impact_V1_HistoryService.Client(wrapping: client)
        let before = try await scoring.getPortfolioSummary(.init())
        let created = try await history.createSnapshot(
          .with {
            $0.name = "comite-2026-03"
            $0.note = "mars"
          })
        #expect(created.snapshot.revision == 1 && created.revision == 2)
        await #expect(throws: RPCError.self) { try await history.createSnapshot(.with { $0.name = "comite-2026-03" }) }
        await #expect(throws: RPCError.self) { try await history.createSnapshot(.with { $0.name = "2026-03-31" }) }

        let document = try await portfolio.getScheme(.init()).documentJson
        var fields = try #require(try JSONSerialization.jsonObject(with: Data(document.utf8)) as? [String: Any])
        fields["blend"] = 0.9
        let data = try JSONSerialization.data(withJSONObject: fields)
        _ = try await portfolio.setScheme(.with { $0.documentJson = String(decoding: data, as: UTF8.self) })
        let now = try await scoring.getPortfolioSummary(.init())
        #expect(now.summary.weightedComposite != before.summary.weightedComposite)

        let frozen = try await scoring.getPortfolioSummary(.with { $0.at = .with { $0.snapshot = "comite-2026-03" } })
        #expect(try frozen.jsonString() == (try before.jsonString()))
        let rescored = try await scoring.getPortfolioSummary(
          .with {
            $0.at = .with {
              $0.snapshot = "comite-2026-03"
              $0.scheme = .current
            }
          })
        #expect(rescored.summary.weightedComposite == now.summary.weightedComposite)
        #expect(rescored.revision == 1)

        let listed = try await history.listSnapshots(.init())
        #expect(listed.snapshots.map(\.name) == ["comite-2026-03"])
        #expect(listed.snapshots.first?.weightedComposite == before.summary.weightedComposite)
        let deleted = try await history.deleteSnapshot(.with { $0.name = "comite-2026-03" })
        #expect(deleted.revision == 4)
        let audit = try await Impact_V1_AuditService.Client(wrapping: client).listAuditEntries(.init())
        #expect(Array(audit.entries.map(\.kind).suffix(3)) == [.snapshotCreated, .schemeChanged, .snapshotDeleted])
      }
    }
  }
}
