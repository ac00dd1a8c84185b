import Analytics
import Foundation
import SyntheticData
import Testing

@testable import ImpactStorage
@testable import ImpactStore

/// Several stores on one PostgreSQL database, as several daemons: writes through each are
/// serialised by revision, each follows the others' changes from the journal, and watchers see
/// every change once, in order.
@Suite("Shared store (PostgreSQL)", .timeLimit(.minutes(3)), .enabled(if: testPostgresLocation() != nil))
struct SharedStoreTests {
  static let context = ChangeContext(actor: "tester", rpcMethod: "test/Write")

  /// `count` stores on one new PostgreSQL schema, loaded; closed and dropped afterwards.
  static func withStores(_ count: Int, _ body: ([PortfolioStore]) async throws -> Void) async throws {
    try await withStores(count) { stores, _ in try await body(stores) }
  }

  /// `count` stores, with the fixture of their schema (to act on the database as an operator).
  static func withStores(
    _ count: Int, _ body: ([PortfolioStore], StorageFixture) async throws -> Void
  ) async throws {
    try await StorageFixture.with(.postgres) { fixture in
      var storages: [any PortfolioStorage] = []
      var stores: [PortfolioStore] = []
      for _ in 0..<count {
        let storage = try await fixture.open()
        storages.append(storage)
        let store = PortfolioStore(storage: storage)
        try await store.load()
        stores.append(store)
      }
      do {
        try await body(stores, fixture)
      } catch {
        for storage in storages { try? await fixture.close(storage) }
        throw error
      }
      for storage in storages { try await fixture.close(storage) }
    }
  }

  @Test("a write through one store is followed by the other, and expected_revision holds across them")
  func followsAndChecksRevision() async throws {
    try await Self.withStores(2) { stores in
      let (a, b) = (stores[0], stores[1])
      let projects = try PortfolioStoreTests.referenceProjects()
      _ = try await a.importProjects(projects, mode: .upsert, validateOnly: false, context: Self.context)
      #expect(b.snapshot.revision == 0)
      #expect(try await b.followOthers() == 1)
      #expect(b.snapshot.projects == a.snapshot.projects)
      #expect(b.snapshot.scores == a.snapshot.scores)
      // B has not followed A's second write: a write through B expecting revision 2 catches up
      // first, and one expecting revision 1 is refused with the latest revision.
      try await a.update(projects[0].id, context: Self.context) { $0.amount += 1 }
      var expecting = Self.context
      expecting.expectedRevision = 2
      try await b.delete(projects[1].id, context: expecting)
      #expect(b.snapshot.revision == 3)
      expecting.expectedRevision = 1
      await #expect {
        try await a.delete(projects[2].id, context: expecting)
      } throws: { error in
        if case StoreError.revisionMismatch(1, 3) = error { true } else { false }
      }
      #expect(a.snapshot.revision == 3)
      #expect(a.snapshot.projects == b.snapshot.projects)
    }
  }

  @Test("a database that goes back under the daemons (a backup restored) is loaded again, and watchers are told")
  func restoredDatabase() async throws {
    try await Self.withStores(3) { stores, fixture in
      let (a, b, c) = (stores[0], stores[1], stores[2])
      let projects = try PortfolioStoreTests.referenceProjects()
      _ = try await a.importProjects(projects, mode: .upsert, validateOnly: false, context: Self.context)
      for step in 1...3 {
        try await a.update(projects[0].id, context: Self.context) { $0.amount += Double(step) }
      }
      #expect(try await b.followOthers() == 4)
      let atTwo = try await a.snapshot(at: .revision(2))
      let watch = try #require(b.watch())
      // What a restore of a dump taken at revision 2 leaves: the journal and the stored states
      // after it gone, and the revision back.
      try await Self.rewind(fixture, to: 2)

      #expect(try await b.followOthers() == 2)
      #expect(b.rewind.count == 1)
      #expect(b.rewind.last == StoreRewound(from: 4, to: 2))
      #expect(b.snapshot.projects == atTwo.projects)
      #expect(b.snapshot.scores == atTwo.scores)
      var events = 0
      for await _ in watch.events { events += 1 }  // ends: the revisions no longer follow on
      #expect(events == 0)

      // A write through B goes on from revision 2; A, still at 4, finds out when it writes.
      try await b.update(projects[1].id, context: Self.context) { $0.amount += 10 }
      #expect(b.snapshot.revision == 3)
      try await a.delete(projects[2].id, context: Self.context)
      #expect(a.rewind.count == 1)
      #expect(a.snapshot.revision == 4)
      #expect(try await b.followOthers() == 4)
      #expect(b.snapshot.projects == a.snapshot.projects)
      #expect(b.rewind.count == 1)

      // Another history at the same revision: back to 2, and two other changes through C.
      #expect(try await c.followOthers() == 4)
      try await Self.rewind(fixture, to: 2)
      try await Task.sleep(for: .milliseconds(20))
      #expect(try await c.followOthers() == 2)
      let other = ChangeContext(actor: "someone else", rpcMethod: "test/Write")
      try await c.update(projects[3].id, context: other) { $0.amount += 7 }
      try await c.update(projects[3].id, context: other) { $0.amount += 7 }
      #expect(try await b.followOthers() == 4)
      #expect(b.rewind.count == 2)
      #expect(b.snapshot.projects == c.snapshot.projects)
    }
  }

  /// Runs on the shared store's schema what a restore of a dump taken at `revision` leaves.
  private static func rewind(_ fixture: StorageFixture, to revision: Int64) async throws {
    for table in ["journal", "checkpoints", "snapshots", "observations", "rating_history"] {
      try await fixture.execute("DELETE FROM \(table) WHERE revision > \(revision)")
    }
    try await fixture.execute("UPDATE meta SET value = \(revision) WHERE key = 'revision'")
  }

  @Test("writes through three stores at once all commit, in one order every store follows")
  func concurrentWriters() async throws {
    try await Self.withStores(3) { stores in
      let generated = SyntheticPortfolio.generate(projects: 30, seed: 23)
      _ = try await stores[0].importProjects(generated, mode: .upsert, validateOnly: false, context: Self.context)
      for store in stores { try await store.followOthers() }
      // Every store's watchers, from revision 1 on.
      let watches = stores.map { $0.watch()! }
      try await withThrowingTaskGroup(of: Void.self) { group in
        for (index, store) in stores.enumerated() {
          group.addTask {
            for step in 0..<8 {
              let id = generated[(index * 8 + step) % generated.count].id
              try await store.update(id, context: Self.context) { $0.amount += Double(index * 100 + step + 1) }
            }
          }
        }
        try await group.waitForAll()
      }
      for store in stores { try await store.followOthers() }
      #expect(stores.map(\.snapshot.revision) == [25, 25, 25])
      #expect(stores[1].snapshot.projects == stores[0].snapshot.projects)
      #expect(stores[2].snapshot.projects == stores[0].snapshot.projects)
      // Each store's watchers saw revisions 2 to 25, once each, in order.
      for watch in watches {
        var seen: [Int64] = []
        for await event in watch.events {
          seen.append(event.revision)
          if event.revision == 25 { break }
        }
        #expect(seen == Array(2...25))
      }
      for store in stores { store.finishWatchers() }
    }
  }

  @Test("a read with a minimum revision waits until the store has followed it")
  func readYourWrites() async throws {
    try await Self.withStores(2) { stores in
      let projects = try PortfolioStoreTests.referenceProjects()
      let written = try await stores[0].importProjects(
        projects, mode: .upsert, validateOnly: false, context: Self.context)
      #expect(try await stores[1].waitForRevision(written.revision, timeout: .seconds(5)) == written.revision)
      #expect(stores[1].snapshot.projects.count == projects.count)
      // Beyond the latest revision, the wait ends at its limit with what there is.
      let start = ContinuousClock.now
      #expect(try await stores[1].waitForRevision(99, timeout: .milliseconds(300)) == written.revision)
      #expect(ContinuousClock.now - start >= .milliseconds(300))
    }
  }
}
