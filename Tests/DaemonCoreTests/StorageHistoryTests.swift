import Analytics
import Foundation
import GRDB
import Testing

@testable import DaemonCore
@testable import ImpactStorage
@testable import ImpactStore

@Suite("Storage: observations, ratings and journal")
struct StorageHistoryTests {
  private func observation(
    _ value: Double, period: String, outcome: String = "emploi-durable", at offset: Double = 0
  ) -> Observation {
    Observation(
      projectID: "a", outcomeID: outcome, value: value, period: period, source: "bilan \(period)",
      recordedBy: "amel",
      recordedAt: StorageSamples.time.addingTimeInterval(offset))
  }

  @Test("an observation sets the outcome's actual and every observation is kept")
  func observations() throws {
    let database = try ImpactDatabase.inMemory()
    try database.commit(
      .upsertProjects([StorageSamples.full(id: "a")]), context: StorageSamples.context())
    let recorded = [
      observation(30, period: "2025-Q1"), observation(38.5, period: "2025-Q2", at: 60.125),
      observation(0.9, period: "2025", outcome: "bien-etre", at: 61),
      observation(41, period: "2025-Q3", at: 3600),
    ]
    for item in recorded {
      try database.commit(.recordObservation(item), context: StorageSamples.context())
    }
    let state = try database.loadState()
    #expect(state.projects[0].outcomes.map(\.actual) == [41, 0.9])

    let all = try database.observations(projectID: "a")
    let expected = recorded.enumerated().map { offset, item in
      var stored = item
      stored.id = Int64(offset + 1)
      stored.revision = Int64(offset + 2)
      return stored
    }
    #expect(all == expected)
    let employment = try database.observations(projectID: "a", outcomeID: "emploi-durable")
    #expect(employment.map(\.value) == [30, 38.5, 41])
    let page = try database.observations(projectID: "a", after: 1, limit: 2)
    #expect(page.map(\.id) == [2, 3])
  }

  @Test("an observation of an unknown outcome is refused and changes nothing")
  func unknownOutcome() throws {
    let database = try ImpactDatabase.inMemory()
    try database.commit(
      .upsertProjects([StorageSamples.full(id: "a")]), context: StorageSamples.context())
    #expect(
      throws: StorageError.constraintViolated(projectID: "a", detail: "no outcome 'nope' is stored in this project")
    ) {
      try database.commit(
        .recordObservation(observation(1, period: "x", outcome: "nope")),
        context: StorageSamples.context())
    }
    #expect(throws: StorageError.self) {
      try database.commit(
        .recordObservation(observation(.infinity, period: "x")), context: StorageSamples.context())
    }
    let state = try database.loadState()
    #expect(state.projects == [StorageSamples.full(id: "a")])
    #expect(state.revision == 1)
    #expect(try database.observations(projectID: "a").isEmpty)
  }

  @Test(
    "a rater's new rating replaces theirs, moves last, and the earlier one stays in the history")
  func ratingReplacement() throws {
    let database = try ImpactDatabase.inMemory()
    var project = StorageSamples.full(id: "a")
    try database.commit(.upsertProjects([project]), context: StorageSamples.context())
    let newer = Rating(criterion: "who", rater: "amel", value: 1, comment: "revu")
    let ratedAt = StorageSamples.time.addingTimeInterval(86_400)
    try database.commit(
      .recordRating(projectID: "a", newer, at: ratedAt), context: StorageSamples.context())
    project.record(newer)
    let state = try database.loadState()
    #expect(state.projects == [project])

    let history = try database.writer.read { db in
      try Row.fetchAll(
        db,
        sql: "SELECT criterion, rater, value, rated_at, revision FROM rating_history ORDER BY id"
      )
      .map {
        "\($0[0] as String)/\($0[1] as String)=\($0[2] as Double)@\($0[3] as String)#\($0[4] as Int64)"
      }
    }
    #expect(
      history == [
        "who/amel=3.0@2025-11-24T16:00:00.250Z#1",
        "what/amel=2.5@2025-11-24T16:00:00.250Z#1",
        "who/amel=1.0@2025-11-25T16:00:00.250Z#2",
      ])
  }

  @Test("an upsert adds only new or changed ratings to the history and keeps the others' dates")
  func upsertHistory() throws {
    let database = try ImpactDatabase.inMemory()
    var project = StorageSamples.full(id: "a")
    try database.commit(.upsertProjects([project]), context: StorageSamples.context())
    project.ratings[1].value = 4
    project.name = "changed"
    try database.commit(.upsertProjects([project]), context: StorageSamples.context())
    let rows = try database.writer.read { db in
      try Row.fetchAll(
        db, sql: "SELECT criterion, revision FROM ratings WHERE project_id = 'a' ORDER BY position"
      )
      .map { "\($0[0] as String)#\($0[1] as Int64)" }
    }
    #expect(rows == ["who#1", "what#2"])
    let historyCount = try database.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM rating_history")
    }
    #expect(historyCount == 3)
  }

  @Test("the journal keeps who, how, what and when, and filters and pages")
  func journal() throws {
    let database = try ImpactDatabase.inMemory()
    try database.commit(
      .upsertProjects([StorageSamples.full(id: "a"), StorageSamples.minimal(id: "b")]),
      context: StorageSamples.context(actor: "amel", method: "impact.v1.Projects/Import"))
    try database.commit(
      .recordObservation(observation(42, period: "2025-Q4")),
      context: StorageSamples.context(actor: "zoe", method: "impact.v1.Observations/Record"))
    try database.commit(
      .deleteProjects(["b"]),
      context: StorageSamples.context(actor: "amel", method: "impact.v1.Projects/DeleteProject"))

    let all = try database.journal()
    #expect(all.map(\.revision) == [1, 2, 3])
    #expect(all.map(\.revisionBefore) == [0, 1, 2])
    #expect(all.map(\.actor) == ["amel", "zoe", "amel"])
    #expect(
      all.map(\.rpcMethod) == [
        "impact.v1.Projects/Import", "impact.v1.Observations/Record",
        "impact.v1.Projects/DeleteProject",
      ])
    #expect(all.map(\.projectIDs) == [["a", "b"], ["a"], ["b"]])
    #expect(all.allSatisfy { $0.committedAt == StorageSamples.time })
    #expect(all[2].payload == #"{"deleted":["b"]}"#)
    // An import's projects are in the row's binary column; its JSON payload lists none.
    let document = try PortfolioJSON.decode(Data(all[0].payload.utf8))
    #expect(document.projects.isEmpty)
    #expect(
      try ProjectsBinary.decode(try #require(all[0].projects))
        == [StorageSamples.full(id: "a"), StorageSamples.minimal(id: "b")])
    #expect(all[1].projects == nil && all[2].projects == nil)

    let aboutB = try database.journal(matching: JournalFilter(projectID: "b"))
    #expect(aboutB.map(\.revision) == [1, 3])
    let byZoe = try database.journal(matching: JournalFilter(actor: "zoe"))
    #expect(byZoe.map(\.revision) == [2])
    let deletes = try database.journal(matching: JournalFilter(kind: .deleteProjects))
    #expect(deletes.map(\.revision) == [3])
    let page = try database.journal(after: 1, limit: 1)
    #expect(page.map(\.revision) == [2])
  }

  @Test(
    "an import's row replays the same from its binary column and, as written before schema 10, from its JSON payload")
  func importRowsOfBothSchemas() throws {
    let projects = [StorageSamples.full(id: "a"), StorageSamples.minimal(id: "b")]
    func entry(_ kind: ChangeKind, payload: String, binary: [UInt8]?) -> JournalEntry {
      JournalEntry(
        revision: 1, committedAt: StorageSamples.time, actor: "amel", rpcMethod: "import", kind: kind,
        projectIDs: ["a", "b"], revisionBefore: 0, payload: payload, projects: binary)
    }
    let legacy = String(decoding: PortfolioJSON.encode(PortfolioDocument(projects: projects)), as: UTF8.self)
    let current = String(decoding: PortfolioJSON.encode(PortfolioDocument(projects: [])), as: UTF8.self)
    for kind in [ChangeKind.upsertProjects, .replacePortfolio] {
      for row in [
        entry(kind, payload: legacy, binary: nil),
        entry(kind, payload: current, binary: ProjectsBinary.encode(projects)),
      ] {
        var replay = JournalReplay(revision: 0, scheme: .impactV1, projects: [])
        try replay.apply(row)
        #expect(replay.projects == Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) }), "\(kind)")
      }
    }
    // A binary column that does not read is named, never taken for an empty import.
    var replay = JournalReplay(revision: 0, scheme: .impactV1, projects: [])
    #expect(throws: StorageError.self) {
      try replay.apply(entry(.upsertProjects, payload: current, binary: [1, 2, 3]))
    }
  }

  @Test("replaying the journal rebuilds the portfolio at every revision")
  func replay() throws {
    let database = try ImpactDatabase.inMemory()
    var states: [[Project]] = []
    let changes: [StoredChange] = [
      .upsertProjects([StorageSamples.full(id: "a"), StorageSamples.minimal(id: "b")]),
      .recordObservation(observation(50, period: "2025-Q4")),
      .recordRating(
        projectID: "b", Rating(criterion: "systemic", rater: "zoe", value: 2, comment: "réseau"),
        at: StorageSamples.time),
      .upsertProjects([StorageSamples.full(id: "c")]),
      .deleteProjects(["a"]),
      .replacePortfolio([StorageSamples.full(id: "c"), StorageSamples.full(id: "d")]),
    ]
    for change in changes {
      try database.commit(change, context: StorageSamples.context())
      states.append(try database.loadState().projects)
    }

    var replayed: [Project] = []
    for (offset, entry) in try database.journal().enumerated() {
      let payload = Data(entry.payload.utf8)
      switch entry.kind {
      case .upsertProjects:
        for project in try ProjectsBinary.decode(try #require(entry.projects)) {
          if let index = replayed.firstIndex(where: { $0.id == project.id }) {
            replayed[index] = project
          } else {
            replayed.append(project)
          }
        }
      case .replacePortfolio:
        replayed = try ProjectsBinary.decode(try #require(entry.projects))
      case .deleteProjects:
        replayed.removeAll { entry.projectIDs.contains($0.id) }
      case .recordObservation:
        let fields = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        let projectIndex = try #require(
          replayed.firstIndex { $0.id == fields["project_id"] as? String })
        let outcomeIndex = try #require(
          replayed[projectIndex].outcomes.firstIndex { $0.id == fields["outcome_id"] as? String })
        replayed[projectIndex].outcomes[outcomeIndex].actual = fields["value"] as? Double
      case .recordRating:
        let fields = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        let projectIndex = try #require(
          replayed.firstIndex { $0.id == fields["project_id"] as? String })
        replayed[projectIndex].record(
          Rating(
            criterion: try #require(fields["criterion"] as? String),
            rater: try #require(fields["rater"] as? String),
            value: try #require(fields["value"] as? Double), comment: fields["comment"] as? String))
      case .setScheme, .createSnapshot, .deleteSnapshot, .setFramework:
        break
      }
      #expect(replayed == states[offset], "revision \(entry.revision)")
    }
  }
}
