import Analytics
import Foundation
import ImpactPostgres
import SyntheticData
import Testing

@testable import ImpactStorage
@testable import ImpactStore
@testable import impactd

/// `impactd migrate`: a SQLite store with its history copied into PostgreSQL gives the same
/// answers; a target that holds a portfolio is refused; a copy that differs is caught.
@Suite("Migration to PostgreSQL", .timeLimit(.minutes(3)), .enabled(if: testPostgresLocation() != nil))
struct MigrationTests {
  static let context = ChangeContext(actor: "tester", rpcMethod: "test/Write")

  @Test("a portfolio with its history is copied whole, checked, and served the same from PostgreSQL")
  func copiesAndChecks() async throws {
    try await StorageFixture.with(.sqlite) { sqliteFixture in
      try await StorageFixture.with(.postgres) { postgresFixture in
        let sqlite = try await sqliteFixture.open()
        let store = PortfolioStore(
          storage: sqlite, checkpoints: CheckpointPolicy(journalBytes: 1 << 40, revisions: 3))
        try await store.load()
        let generated = SyntheticPortfolio.generate(projects: 80, seed: 31)
        _ = try await store.importProjects(generated, mode: .upsert, validateOnly: false, context: Self.context)
        _ = try await store.createSnapshot(named: "comite", note: "", context: Self.context)
        let project = generated[4]
        try await store.record(
          Rating(criterion: "what", rater: "amel", value: 2, comment: nil), projectID: project.id, context: Self.context
        )
        if let outcome = project.outcomes.first {
          try await store.record(
            Observation(
              projectID: project.id, outcomeID: outcome.id, value: 3, period: "2026", source: nil, recordedBy: "t",
              recordedAt: Date(timeIntervalSince1970: 1_790_000_000)), context: Self.context)
        }
        try await store.delete(generated[9].id, context: Self.context)
        let committed = store.snapshot
        try await sqliteFixture.close(sqlite)

        let source = try ImpactDatabase.open(atPath: try #require(sqliteFixture.path))
        let target = try await postgresFixture.open() as! PostgresStorage
        let counts = try await blocking { try target.copy(from: source) }
        #expect(counts.revision == committed.revision)
        #expect(counts.rows["journal"] == Int(committed.revision))
        #expect(counts.rows["snapshots"] == 1)
        #expect((counts.rows["checkpoints"] ?? 0) >= 1)
        let check = try await blocking { try MigrationCheck.compare(source, target) }
        #expect(check.difference == nil)
        #expect(check.revision == committed.revision && check.projects == committed.projects.count)
        // A second copy is refused before anything is written.
        await #expect(throws: MigrationRefusal.notEmpty(revision: committed.revision)) {
          _ = try await blocking { try target.copy(from: source) }
        }
        // A daemon on PostgreSQL serves what the SQLite one did, and its writes go on from there.
        let served = PortfolioStore(storage: target)
        try await served.load()
        #expect(served.snapshot.projects == committed.projects)
        #expect(served.snapshot.revision == committed.revision)
        try await served.delete(generated[10].id, context: Self.context)
        // Once they differ, the check says where.
        let after = try await blocking { try MigrationCheck.compare(source, target) }
        #expect(after.difference?.contains("revision") == true)
        try source.close()
        try await postgresFixture.close(target)
      }
    }
  }
}
