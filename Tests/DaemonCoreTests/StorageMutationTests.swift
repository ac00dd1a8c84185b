import Analytics
import Foundation
import GRDB
import Testing

@testable import DaemonCore
@testable import ImpactStorage
@testable import ImpactStore

@Suite("Storage: changes")
struct StorageMutationTests {
  @Test("every kind of change commits one revision and returns its receipt")
  func everyKind() throws {
    let database = try ImpactDatabase.inMemory()
    var scheme = Scheme.impactV1
    scheme.id = "impact-v1-local"
    let changes: [(StoredChange, [String])] = [
      (
        .upsertProjects([StorageSamples.full(id: "a"), StorageSamples.minimal(id: "b")]),
        ["a", "b"]
      ),
      (
        .recordObservation(
          Observation(
            projectID: "a", outcomeID: "emploi-durable", value: 47, period: "2025-Q3",
            recordedBy: "amel", recordedAt: StorageSamples.time)), ["a"]
      ),
      (
        .recordRating(
          projectID: "b", Rating(criterion: "who", rater: "zoe", value: 4), at: StorageSamples.time),
        ["b"]
      ),
      (.setScheme(scheme), []),
      (.deleteProjects(["b"]), ["b"]),
      (
        .replacePortfolio([StorageSamples.minimal(id: "c"), StorageSamples.full(id: "a")]),
        ["c", "a"]
      ),
    ]
    for (offset, (change, projectIDs)) in changes.enumerated() {
      let receipt = try database.commit(
        change, context: StorageSamples.context(expectedRevision: Int64(offset)))
      #expect(
        receipt
          == CommitReceipt(
            revision: Int64(offset + 1), committedAt: StorageSamples.time, kind: change.kind,
            projectIDs: projectIDs, payloadBytes: receipt.payloadBytes))
    }
    // Each receipt's payload size is its journal row's.
    let payloads = try database.journal().map { $0.payload.utf8.count }
    #expect(payloads.allSatisfy { $0 > 0 })
    let state = try database.loadState()
    #expect(state.revision == 6)
    #expect(state.scheme == scheme)
    #expect(state.projects == [StorageSamples.minimal(id: "c"), StorageSamples.full(id: "a")])
    let kinds = try database.journal().map(\.kind)
    #expect(kinds == changes.map(\.0.kind))
  }

  @Test("an upsert replaces an existing project in place and appends new ones")
  func upsertInPlace() throws {
    let database = try ImpactDatabase.inMemory()
    try database.commit(
      .upsertProjects([StorageSamples.full(id: "a"), StorageSamples.full(id: "b")]),
      context: StorageSamples.context())
    var changed = StorageSamples.minimal(id: "a")
    changed.name = "renamed"
    try database.commit(
      .upsertProjects([StorageSamples.minimal(id: "c"), changed]), context: StorageSamples.context()
    )
    let state = try database.loadState()
    #expect(
      state.projects == [changed, StorageSamples.full(id: "b"), StorageSamples.minimal(id: "c")])
  }

  @Test("replacing the portfolio keeps exactly the given projects in the given order")
  func replacePortfolio() throws {
    let database = try ImpactDatabase.inMemory()
    try database.commit(
      .upsertProjects(["a", "b", "c"].map { StorageSamples.full(id: $0) }),
      context: StorageSamples.context())
    let replacement = [
      StorageSamples.minimal(id: "c"), StorageSamples.full(id: "d"), StorageSamples.full(id: "a"),
    ]
    let receipt = try database.commit(
      .replacePortfolio(replacement), context: StorageSamples.context())
    #expect(receipt.projectIDs == ["c", "d", "a", "b"])
    let state = try database.loadState()
    #expect(state.projects == replacement)
    let orphans = try database.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outcomes WHERE project_id = 'b'")
    }
    #expect(orphans == 0)
  }

  @Test("deleting a project deletes its outcomes, risks and ratings by cascade")
  func cascade() throws {
    let database = try ImpactDatabase.inMemory()
    try database.commit(
      .upsertProjects([StorageSamples.full(id: "a"), StorageSamples.full(id: "b")]),
      context: StorageSamples.context())
    try database.commit(.deleteProjects(["a"]), context: StorageSamples.context())
    let counts = try database.writer.read { db in
      try ["outcomes", "risks", "ratings"].map { table in
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE project_id = 'a'") ?? -1
      }
    }
    #expect(counts == [0, 0, 0])
    let state = try database.loadState()
    #expect(state.projects == [StorageSamples.full(id: "b")])
  }

  @Test("a change against a stale revision is refused once, by the store, and changes nothing")
  func revisionMismatch() async throws {
    let database = try ImpactDatabase.inMemory()
    let store = PortfolioStore(database: database)
    try await store.load()
    try await store.create(StorageSamples.full(id: "a"), context: StorageSamples.context(expectedRevision: 0))
    let before = try await database.loadState()
    do {
      try await store.delete("a", context: StorageSamples.context(expectedRevision: 0))
      Issue.record("a stale expected revision was accepted")
    } catch StoreError.revisionMismatch(let expected, let actual) {
      #expect(expected == 0 && actual == 1)
    }
    let unchanged = try await database.loadState()
    #expect(unchanged == before)
    let after = try await store.delete("a", context: StorageSamples.context(expectedRevision: 1))
    #expect(after.revision == 2)
  }

  @Test("a change naming an unknown or repeated project is refused and changes nothing")
  func unknownOrRepeatedProject() throws {
    let database = try ImpactDatabase.inMemory()
    try database.commit(
      .upsertProjects([StorageSamples.full(id: "a")]), context: StorageSamples.context())
    let before = try database.loadState()
    #expect(throws: StorageError.constraintViolated(projectID: "zz", detail: "no such project is stored")) {
      try database.commit(.deleteProjects(["a", "zz"]), context: StorageSamples.context())
    }
    #expect(throws: StorageError.duplicateProjectID("b")) {
      try database.commit(
        .upsertProjects([StorageSamples.minimal(id: "b"), StorageSamples.full(id: "b")]),
        context: StorageSamples.context())
    }
    #expect(throws: StorageError.constraintViolated(projectID: "zz", detail: "no such project is stored")) {
      try database.commit(
        .recordRating(
          projectID: "zz", Rating(criterion: "who", rater: "x", value: 1), at: StorageSamples.time),
        context: StorageSamples.context())
    }
    let after = try database.loadState()
    #expect(after == before)
    #expect(try database.journal().count == 1)
  }

  /// Projects each breaking one rule of the schema.
  static let refusedProjects: [(String, Project)] = {
    func breaking(_ change: (inout Project) -> Void) -> Project {
      var project = StorageSamples.full(id: "bad")
      change(&project)
      return project
    }
    return [
      ("amount >= 0", breaking { $0.amount = -1 }),
      ("evidence_level BETWEEN 1 AND 5", breaking { $0.evidenceLevel = 6 }),
      ("level BETWEEN 0 AND 3", breaking { $0.risks["external"] = 4 }),
      ("value BETWEEN 0 AND 4", breaking { $0.ratings[0].value = 4.5 }),
      ("share BETWEEN 0 AND 1", breaking { $0.outcomes[0].share = 1.5 }),
      ("duration_years BETWEEN 0 AND 50", breaking { $0.outcomes[0].durationYears = 51 }),
      ("drop_off BETWEEN 0 AND 1", breaking { $0.outcomes[0].dropOff = -0.1 }),
      ("reach >= 0", breaking { $0.outcomes[0].reach = -5 }),
      (
        "survey_very_much + survey_slightly <= 1",
        breaking { $0.outcomes[1].survey = Survey(veryMuch: 0.8, slightly: 0.5) }
      ),
      ("outcomes.project_id, outcomes.id", breaking { $0.outcomes[1].id = $0.outcomes[0].id }),
      (
        "ratings.project_id, ratings.criterion, ratings.rater",
        breaking { $0.ratings[1] = $0.ratings[0] }
      ),
      ("length(id) BETWEEN 1 AND 64", breaking { $0.id = String(repeating: "x", count: 65) }),
    ]
  }()

  @Test(
    "a value the schema refuses fails the whole change and changes nothing",
    arguments: refusedProjects)
  func constraintViolation(rule: String, project: Project) throws {
    let database = try ImpactDatabase.inMemory()
    try database.commit(
      .upsertProjects([StorageSamples.full(id: "a")]), context: StorageSamples.context())
    let before = try database.loadState()
    do {
      try database.commit(
        .upsertProjects([StorageSamples.minimal(id: "new"), project]),
        context: StorageSamples.context())
      Issue.record("the change was accepted")
    } catch let error as StorageError {
      guard case .constraintViolated(let projectID, let detail) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(projectID == project.id)
      #expect(detail.contains(rule), "\(detail)")
    }
    let after = try database.loadState()
    #expect(after == before)
    #expect(try database.journal().count == 1)
    #expect(try database.integrityProblems().isEmpty)
  }
}
