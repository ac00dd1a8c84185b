import Analytics
import Foundation
import Synchronization
import Testing

@testable import DaemonCore
@testable import ImpactStorage
@testable import ImpactStore

/// The in-memory store over a real SQLite database (in memory): every write validated,
/// committed, then published; refused writes change nothing.
@Suite("Portfolio store")
struct PortfolioStoreTests {
  static func referenceProjects() throws -> [Project] {
    let url = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("AnalyticsTests/Fixtures/worked-examples.json")
    return try PortfolioJSON.decode(Data(contentsOf: url), source: url.lastPathComponent).projects
  }

  static func makeStore() async throws -> PortfolioStore {
    let store = PortfolioStore(database: try ImpactDatabase.inMemory())
    try await store.load()
    return store
  }

  static let context = ChangeContext(actor: "tester", rpcMethod: "test/Write")

  @Test("an import is scored, committed and given a new revision")
  func importScoresAndCommits() async throws {
    let store = try await Self.makeStore()
    let summary = try await store.importProjects(
      try Self.referenceProjects(), mode: .upsert, validateOnly: false, context: Self.context)
    #expect(summary.created == 4)
    #expect(summary.revision == 1)
    let snapshot = store.snapshot
    #expect(snapshot.revision == 1)
    #expect(snapshot.projects.map(\.id) == snapshot.projects.map(\.id).sorted())
    let score = try #require(snapshot.score("chantier-insertion-lyon"))
    #expect(abs(score.composite - 44.02134294371931) < 1e-9)
    #expect(snapshot.figures.place(of: "chantier-insertion-lyon")?.rank == 1)
    // What was committed is what a fresh load sees.
    let reloaded = PortfolioStore(storage: store.storage)
    try await reloaded.load()
    #expect(reloaded.snapshot.projects == snapshot.projects)
    #expect(reloaded.snapshot.revision == 1)
  }

  @Test("an import whose extra differs only in JSON spelling changes nothing and makes no revision")
  func sameExtraInOtherSpellingIsUnchanged() async throws {
    let store = try await Self.makeStore()
    var projects = try Self.referenceProjects()
    projects[0].extra = #"{"theme":"sant\u00e9 mentale","tags":["a","b"]}"#
    _ = try await store.importProjects(projects, mode: .upsert, validateOnly: false, context: Self.context)
    let before = store.snapshot
    // What `jq .` makes of the export: the same value, spaced, keys reordered, é unescaped.
    projects[0].extra = "{\n  \"tags\": [\"a\", \"b\"],\n  \"theme\": \"santé mentale\"\n}"
    let summary = try await store.importProjects(projects, mode: .upsert, validateOnly: false, context: Self.context)
    #expect(summary.updated == 0)
    #expect(summary.unchanged == projects.count)
    #expect(store.snapshot.revision == before.revision)
  }

  @Test("a refused write leaves memory and disk unchanged")
  func refusedWriteChangesNothing() async throws {
    let store = try await Self.makeStore()
    _ = try await store.importProjects(
      try Self.referenceProjects(), mode: .upsert, validateOnly: false, context: Self.context)
    let before = store.snapshot

    await #expect(throws: StoreError.self) {
      try await store.update("chantier-insertion-lyon", context: Self.context) { project in
        project.outcomes[0].threshold = 5  // not beyond the baseline of 10
      }
    }
    await #expect(throws: StoreError.self) {
      try await store.create(before.projects[0], context: Self.context)
    }
    await #expect(throws: StoreError.self) {
      var stale = Self.context
      stale.expectedRevision = 0
      try await store.delete("chantier-insertion-lyon", context: stale)
    }
    let after = store.snapshot
    #expect(after.revision == before.revision)
    #expect(after.projects == before.projects)
    let reloaded = PortfolioStore(storage: store.storage)
    try await reloaded.load()
    #expect(reloaded.snapshot.projects == before.projects)
    #expect(reloaded.snapshot.revision == before.revision)
  }

  @Test("only the changed project is rescored, and the portfolio follows")
  func updateRescoresOneProject() async throws {
    let store = try await Self.makeStore()
    _ = try await store.importProjects(
      try Self.referenceProjects(), mode: .upsert, validateOnly: false, context: Self.context)
    let before = store.snapshot
    try await store.update("bus-sante-mobile-93", context: Self.context) { $0.amount = 900_000 }
    let after = store.snapshot
    #expect(after.revision == before.revision + 1)
    #expect(after.score("bus-sante-mobile-93")?.amount == 900_000)
    #expect(after.score("chantier-insertion-lyon") == before.score("chantier-insertion-lyon"))
    #expect(after.figures.summary.totalAmount == before.figures.summary.totalAmount + 700_000)
  }

  @Test("ratings replace the same rater's earlier rating; observations set the actual value")
  func ratingsAndObservations() async throws {
    let store = try await Self.makeStore()
    _ = try await store.importProjects(
      try Self.referenceProjects(), mode: .upsert, validateOnly: false, context: Self.context)
    try await store.record(
      Rating(criterion: "who", rater: "amel", value: 1), projectID: "chantier-insertion-lyon", context: Self.context)
    let ratings = try #require(store.snapshot.project("chantier-insertion-lyon")).ratings
    #expect(ratings.filter { $0.criterion == "who" && $0.rater == "amel" }.map(\.value) == [1])

    let observation = Observation(
      projectID: "chantier-insertion-lyon", outcomeID: "emploi-durable", value: 60, period: "2026-Q3",
      source: nil, recordedBy: "tester", recordedAt: Date())
    try await store.record(observation, context: Self.context)
    #expect(store.snapshot.project("chantier-insertion-lyon")?.outcomes[0].actual == 60)
    let kept = try store.storage.observations(
      projectID: "chantier-insertion-lyon", outcomeID: nil, after: nil, limit: 100, throughRevision: nil
    ).observations
    #expect(kept.map(\.value) == [60])

    await #expect(throws: StoreError.self) {
      var unknown = observation
      unknown.outcomeID = "nope"
      try await store.record(unknown, context: Self.context)
    }
  }

  @Test("replace removes the projects the import does not name")
  func replaceImport() async throws {
    let store = try await Self.makeStore()
    let projects = try Self.referenceProjects()
    _ = try await store.importProjects(projects, mode: .upsert, validateOnly: false, context: Self.context)
    let summary = try await store.importProjects(
      [projects[0]], mode: .replace, validateOnly: false, context: Self.context)
    #expect(summary.deleted == 3)
    #expect(summary.unchanged == 1)
    #expect(store.snapshot.projects.map(\.id) == [projects[0].id])
  }

  @Test("a validation-only import writes nothing")
  func validateOnly() async throws {
    let store = try await Self.makeStore()
    let summary = try await store.importProjects(
      try Self.referenceProjects(), mode: .upsert, validateOnly: true, context: Self.context)
    #expect(summary.created == 4)
    #expect(store.snapshot.revision == 0)
    #expect(store.snapshot.projects.isEmpty)
  }

  @Test("watchers see every committed change, in order", .timeLimit(.minutes(3)))
  func watchersSeeChanges() async throws {
    let store = try await Self.makeStore()
    let subscription = try #require(store.watch())
    _ = try await store.importProjects(
      try Self.referenceProjects(), mode: .upsert, validateOnly: false, context: Self.context)
    try await store.delete("colis-alimentaires-13", context: Self.context)
    var iterator = subscription.events.makeAsyncIterator()
    let first = await iterator.next()
    let second = await iterator.next()
    #expect(first?.revision == 1)
    #expect(first?.kind == .upsertProjects)
    #expect(second?.revision == 2)
    #expect(second?.projectIDs == ["colis-alimentaires-13"])
    subscription.end()
    #expect(await iterator.next() == nil)
  }

  @Test("a scheme that would orphan a domain in use is refused")
  func incompatibleScheme() async throws {
    let store = try await Self.makeStore()
    _ = try await store.importProjects(
      try Self.referenceProjects(), mode: .upsert, validateOnly: false, context: Self.context)
    var scheme = Scheme.impactV1
    scheme.id = "impact-v1-sans-emploi"
    scheme.domains.removeAll { $0.id == "employment" }
    await #expect(throws: StoreError.self) {
      try await store.setScheme(scheme, context: Self.context)
    }
    #expect(store.snapshot.scheme == .impactV1)

    var changed = Scheme.impactV1
    changed.id = "impact-v1-depth"
    changed.quantitativeWeights = QuantitativeWeights(scale: 0.1, depth: 0.45, duration: 0.15, contribution: 0.3)
    try await store.setScheme(changed, context: Self.context)
    #expect(store.snapshot.scheme.id == "impact-v1-depth")
    #expect(store.snapshot.score("chantier-insertion-lyon")?.schemeID == "impact-v1-depth")
  }
}

/// After a large import the store replaces its snapshot by the same state read back from the
/// database (to give the import's scattered memory back): nothing a reader sees may change.
@Suite("Compaction after a large import", .timeLimit(.minutes(3)))
struct CompactionTests {
  @Test("the compacted snapshot has the same revision, scheme, projects and scores, and a later write is untouched")
  func sameStateAfterCompaction() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "impact-compaction-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let database = try ImpactDatabase.open(atPath: directory.appendingPathComponent("impact.sqlite").path)
    let store = PortfolioStore(database: database)
    try await store.load()
    let base = try PortfolioStoreTests.referenceProjects()
    let projects = (0..<PortfolioStore.largeChangeProjects).map { number in
      var project = base[number % base.count]
      project.id = String(format: "p%05d", number)
      return project
    }
    let context = ChangeContext(actor: "test", rpcMethod: "test")
    _ = try await store.importProjects(projects, mode: .upsert, validateOnly: false, context: context)
    let published = store.snapshot
    // The compaction runs on the writer's queue half a second after the import answered; a
    // write queued after it waits for it.
    try await Task.sleep(for: .milliseconds(700))
    _ = try await store.importProjects([], mode: .upsert, validateOnly: true, context: context)
    let compacted = store.snapshot
    #expect(store.compactedRevision.withLock { $0 } == published.revision)
    #expect(compacted.revision == published.revision)
    #expect(compacted.scheme == published.scheme)
    #expect(compacted.projects == published.projects)
    #expect(compacted.scores == published.scores)
    #expect(compacted.figures.summary == published.figures.summary)
    try await store.delete("p00000", context: context)
    #expect(store.snapshot.revision == published.revision + 1)
    #expect(store.snapshot.projects.count == projects.count - 1)
  }
}
