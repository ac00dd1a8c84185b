import Analytics
import Foundation
import SyntheticData
import Testing

@testable import ImpactStorage
@testable import ImpactStore

/// A streamed import's session writes its rows chunk by chunk in one transaction: what it
/// commits must read back, from the tables and from the journal, exactly as the same import
/// given whole; what it refuses must leave nothing.
@Suite("Import sessions", .timeLimit(.minutes(3)))
struct ImportSessionTests {
  static let context = ChangeContext(actor: "tester", rpcMethod: "test/Write")

  /// A store on a new file, with no checkpoints: every past revision is replayed from the
  /// journal.
  static func withStore(_ body: (PortfolioStore, String) async throws -> Void) async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("impact-session-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("impact.sqlite").path
    let database = try ImpactDatabase.open(atPath: path)
    let store = PortfolioStore(
      database: database, checkpoints: CheckpointPolicy(journalBytes: 1 << 40, revisions: 1 << 40))
    try await store.load()
    try await body(store, path)
    try database.close()
  }

  static func streamed(
    _ projects: [Project], mode: ImportMode, into store: PortfolioStore, chunk: Int = 7,
    safeguards: ImportSafeguards = .none
  ) async throws -> ImportSummary {
    let session = try await store.beginImport(mode: mode, scheme: nil, context: context)
    for start in stride(from: 0, to: projects.count, by: chunk) {
      try session.add(Array(projects[start..<min(start + chunk, projects.count)]))
    }
    return try await session.finish(safeguards: safeguards)
  }

  @Test("an upsert then a replacement in chunks read back from the tables and replay from the journal as committed")
  func readsBackAndReplays() async throws {
    try await Self.withStore { store, _ in
      let generated = SyntheticPortfolio.generate(projects: 60, seed: 11)
      var recorded: [Int64: [Project]] = [:]
      // Upsert of 40, in document order that is not id order.
      let first = Array(generated.prefix(40)).reversed().map { $0 }
      let created = try await Self.streamed(first, mode: .upsert, into: store)
      #expect(created.created == 40 && created.revision == 1)
      recorded[1] = store.snapshot.projects
      // A replacement: 10 dropped, 5 changed, 20 more, in another order.
      var second = Array(generated.dropFirst(10))
      for index in stride(from: 0, to: 25, by: 5) { second[index].amount += 1_000 }
      var generator = SplitMix64(seed: 3)
      second.shuffle(using: &generator)
      let replaced = try await Self.streamed(second, mode: .replace, into: store)
      #expect(replaced.created == 20 && replaced.updated == 5 && replaced.deleted == 10)
      #expect(replaced.unchanged == 25 && replaced.revision == 2)
      recorded[2] = store.snapshot.projects
      // A later change, so that revision 2 is in the past.
      try await store.delete(second[0].id, context: Self.context)

      for (revision, projects) in recorded {
        let past = try await store.snapshot(at: .revision(revision))
        let same = past.projects == projects
        #expect(
          same, "revision \(revision) replays as committed (\(past.projects.count) of \(projects.count) projects)")
      }
      let state = try store.storage.loadStateInIDOrder()
      #expect(state.revision == 3)
      let readBack = state.projects == store.snapshot.projects
      #expect(readBack, "the tables hold what was published")
    }
  }

  @Test("a refusal at the end, an error in a chunk and a cancel all leave the tables and the revision as they were")
  func refusalsLeaveNothing() async throws {
    try await Self.withStore { store, _ in
      let generated = SyntheticPortfolio.generate(projects: 30, seed: 5)
      _ = try await Self.streamed(generated, mode: .upsert, into: store)
      let before = store.snapshot
      // Deleting 25 of 30 without confirmation.
      await #expect(throws: StoreError.self) {
        _ = try await Self.streamed(
          Array(generated.prefix(5)), mode: .replace, into: store,
          safeguards: ImportSafeguards(overwriteNewer: true, confirmLargeDeletion: false))
      }
      // A duplicate id the caller did not catch: the database's backstop refuses it.
      let twice = [generated[0], generated[0]].map { project -> Project in
        var copy = project
        copy.id = "again"
        return copy
      }
      await #expect(throws: (any Error).self) {
        _ = try await Self.streamed(twice, mode: .upsert, into: store, chunk: 1)
      }
      // A caller that goes away.
      let session = try await store.beginImport(mode: .upsert, scheme: nil, context: Self.context)
      var extra = generated[1]
      extra.id = "never-committed"
      try session.add([extra])
      session.cancel()
      // The next write goes through: the writer is free.
      var other = generated[2]
      other.id = "after-cancel"
      try await store.create(other, context: Self.context)
      #expect(store.snapshot.revision == before.revision + 1)
      #expect(!store.snapshot.contains("never-committed") && !store.snapshot.contains("again"))
      let state = try store.storage.loadStateInIDOrder()
      #expect(state.revision == before.revision + 1)
      #expect(state.projects.map(\.id) == store.snapshot.projects.map(\.id))
    }
  }
}
