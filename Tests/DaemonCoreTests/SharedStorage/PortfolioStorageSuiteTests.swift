import Analytics
import Foundation
import SyntheticData
import Testing

@testable import ImpactStorage
@testable import ImpactStore

/// One storage test suite over both stores: what the in-memory store commits through SQLite and
/// through PostgreSQL reads back the same, with the same journal, history and refusals.
@Suite("Storage suite (SQLite and PostgreSQL)", .timeLimit(.minutes(3)))
struct PortfolioStorageSuiteTests {
  static let context = ChangeContext(actor: "tester", rpcMethod: "test/Write")

  /// A store over a new storage of `kind`, loaded; closed and removed afterwards.
  static func withStore(
    _ kind: StorageKind, _ body: (PortfolioStore, StorageFixture, any PortfolioStorage) async throws -> Void
  ) async throws {
    try await StorageFixture.with(kind) { fixture in
      let storage = try await fixture.open()
      let store = PortfolioStore(storage: storage)
      try await store.load()
      do {
        try await body(store, fixture, storage)
      } catch {
        try? await fixture.close(storage)
        throw error
      }
      try await fixture.close(storage)
    }
  }

  /// What a new store over the same storage loads after the first one closed it.
  static func reloaded(_ fixture: StorageFixture) async throws -> PortfolioSnapshot {
    let storage = try await fixture.open()
    let store = PortfolioStore(storage: storage)
    try await store.load()
    let snapshot = store.snapshot
    try await fixture.close(storage)
    return snapshot
  }

  @Test("every kind of change is committed, journaled and read back the same", arguments: StorageKind.available)
  func everyChange(kind: StorageKind) async throws {
    let projects = try PortfolioStoreTests.referenceProjects()
    var states: [Int64: PortfolioSnapshot] = [:]
    try await Self.withStore(kind) { store, _, storage in
      let summary = try await store.importProjects(projects, mode: .upsert, validateOnly: false, context: Self.context)
      #expect(summary.created == projects.count && summary.revision == 1)
      states[1] = store.snapshot
      try await store.update(projects[0].id, context: Self.context) { $0.name += " (renamed)" }
      try await store.record(
        Rating(criterion: "what", rater: "amel", value: 3, comment: "solid"), projectID: projects[1].id,
        context: Self.context)
      states[3] = store.snapshot
      let outcome = try #require(projects[2].outcomes.first)
      try await store.record(
        Observation(
          projectID: projects[2].id, outcomeID: outcome.id, value: 12, period: "2026-Q3", source: nil,
          recordedBy: "tester", recordedAt: Date(timeIntervalSince1970: 1_790_000_000)), context: Self.context)
      _ = try await store.createSnapshot(named: "comite-2026", note: "before the vote", context: Self.context)
      states[5] = store.snapshot
      try await store.delete(projects[3].id, context: Self.context)
      // The first three projects as they stand (renamed, rated, observed), one amount changed.
      var replacement = try projects.prefix(3).map { try #require(store.snapshot.project($0.id)) }
      replacement[1].amount += 1_000
      let replaced = try await store.importProjects(
        replacement, mode: .replace, validateOnly: false, context: Self.context)
      #expect(replaced.updated == 1 && replaced.revision == 7)
      #expect(try await store.deleteSnapshot(named: "comite-2026", context: Self.context) == 8)
      let final = store.snapshot

      // The journal: one row per change, in order, naming what it touched.
      let journal = try await blocking { try storage.journal(after: 0, limit: 100) }
      #expect(journal.map(\.revision) == Array(1...8))
      #expect(
        journal.map(\.kind) == [
          .upsertProjects, .upsertProjects, .recordRating, .recordObservation, .createSnapshot, .deleteProjects,
          .replacePortfolio, .deleteSnapshot,
        ])
      #expect(journal[5].projectIDs == [projects[3].id])
      #expect(journal[6].projectIDs == [replacement[1].id])
      #expect(
        try await blocking {
          try storage.journal(matching: JournalFilter(projectID: projects[1].id), after: 0, limit: 100)
        }.map(\.revision) == [1, 3, 7])
      #expect(try await blocking { try storage.currentRevision() } == 8)

      // History: past states replay as they were, observations and rating dates are kept.
      for (revision, expected) in states {
        let past = try await store.snapshot(at: .revision(revision))
        #expect(past.projects == expected.projects, "revision \(revision)")
        #expect(past.scheme == expected.scheme)
      }
      let observed = try await blocking {
        try storage.observations(
          projectID: projects[2].id, outcomeID: nil, after: nil, limit: 10, throughRevision: nil)
      }
      #expect(observed.total == 1 && observed.observations.first?.value == 12)
      #expect(observed.observations.first?.revision == 4)
      #expect(
        try await blocking {
          try storage.observations(projectID: projects[2].id, outcomeID: nil, after: nil, limit: 10, throughRevision: 3)
        }.total == 0)
      let times = try await blocking { try storage.ratingTimes(projectID: projects[1].id, throughRevision: 8) }
      let amel = RecordedValues.RatingKey(criterion: "what", rater: "amel")
      #expect(times[amel] != nil)
      let recorded = try await blocking { try storage.recordedValues(of: [projects[1].id, projects[2].id]) }
      // The replacement restated the rating unchanged: it keeps the date of revision 3.
      #expect(recorded[projects[1].id]?.ratings[amel]?.revision == 3)
      #expect(recorded[projects[2].id]?.observations[outcome.id]?.revision == 4)
      #expect(try await blocking { try storage.snapshotSummaries() }.isEmpty)
      #expect(try await blocking { try storage.commitTime(ofRevision: 8) } == final.committedAt)
      #expect(try await blocking { try storage.revision(committedAtOrBefore: Date.distantFuture) } == 8)
    }
  }

  @Test("what one store committed, a new store over the same storage loads", arguments: StorageKind.available)
  func reloads(kind: StorageKind) async throws {
    try await StorageFixture.with(kind) { fixture in
      let storage = try await fixture.open()
      let store = PortfolioStore(storage: storage)
      try await store.load()
      var generated = SyntheticPortfolio.generate(projects: 120, seed: 5)
      // A text COPY must escape (PostgreSQL writes an import's rating history with COPY); the
      // validator refuses control characters, so the backslash is the one to escape.
      generated[3].ratings.append(
        Rating(criterion: "what", rater: "zoe", value: 2, comment: #"C:\dossiers\N et \t tels quels"#))
      #expect(generated.reduce(0) { $0 + $1.ratings.count } > 50)
      _ = try await store.importProjects(generated, mode: .upsert, validateOnly: false, context: Self.context)
      let rated = generated[3].id
      let times = try await blocking { try storage.ratingTimes(projectID: rated, throughRevision: 1) }
      #expect(times[RecordedValues.RatingKey(criterion: "what", rater: "zoe")] != nil)
      _ = try await store.createSnapshot(named: "t0", note: "", context: Self.context)
      try await store.delete(generated[7].id, context: Self.context)
      let committed = store.snapshot
      try await fixture.close(storage)
      let loaded = try await Self.reloaded(fixture)
      #expect(loaded.revision == committed.revision)
      #expect(loaded.scheme == committed.scheme)
      #expect(loaded.projects == committed.projects)
      #expect(loaded.scores == committed.scores)
    }
  }

  @Test("a refused change leaves the storage as it was", arguments: StorageKind.available)
  func refusals(kind: StorageKind) async throws {
    try await Self.withStore(kind) { store, _, storage in
      let projects = try PortfolioStoreTests.referenceProjects()
      _ = try await store.importProjects(projects, mode: .upsert, validateOnly: false, context: Self.context)
      _ = try await store.createSnapshot(named: "taken", note: "", context: Self.context)
      let before = store.snapshot
      await #expect(throws: HistoryError.snapshotExists("taken")) {
        _ = try await store.createSnapshot(named: "taken", note: "", context: Self.context)
      }
      await #expect {
        try await store.delete("nope", context: Self.context)
      } throws: { error in
        if case StoreError.projectNotFound("nope") = error { true } else { false }
      }
      var stale = Self.context
      stale.expectedRevision = 1
      await #expect {
        try await store.delete(projects[0].id, context: stale)
      } throws: { error in
        if case StoreError.revisionMismatch(1, 2) = error { true } else { false }
      }
      #expect(store.snapshot.revision == before.revision)
      #expect(try await blocking { try storage.currentRevision() } == before.revision)
      #expect(try await blocking { try storage.journal(after: 0, limit: 100) }.count == 2)
    }
  }

  @Test("a streamed import commits once, as the same import given whole", arguments: StorageKind.available)
  func streamedImport(kind: StorageKind) async throws {
    try await Self.withStore(kind) { store, _, storage in
      let generated = SyntheticPortfolio.generate(projects: 50, seed: 17)
      let first = try await ImportSessionTests.streamed(Array(generated.prefix(30)), mode: .upsert, into: store)
      #expect(first.created == 30 && first.revision == 1)
      var second = Array(generated.dropFirst(10))
      second[0].amount += 500
      let replaced = try await ImportSessionTests.streamed(second, mode: .replace, into: store)
      #expect(replaced.created == 20 && replaced.updated == 1 && replaced.deleted == 10 && replaced.revision == 2)
      let entry = try #require(try await blocking { try storage.journal(after: 1, limit: 1) }.first)
      #expect(entry.kind == .replacePortfolio)
      #expect(Set(entry.projectIDs).count == 31)
      // A cancelled session leaves nothing.
      let session = try await store.beginImport(mode: .upsert, scheme: nil, context: Self.context)
      try session.add(Array(generated.prefix(3)))
      session.cancel()
      await #expect(throws: (any Error).self) { _ = try await session.finish(safeguards: .none) }
      #expect(try await blocking { try storage.currentRevision() } == 2)
      let state = try await blocking { try storage.loadStateInIDOrder() }
      #expect(state.projects == store.snapshot.projects)
    }
  }
}
