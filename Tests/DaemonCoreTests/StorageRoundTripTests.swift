import Analytics
import Foundation
import Testing

@testable import DaemonCore
@testable import ImpactStorage

@Suite("Storage: save and load")
struct StorageRoundTripTests {
  @Test("a new store is at revision 0 with the default scheme and no projects")
  func emptyStore() throws {
    let database = try ImpactDatabase.inMemory()
    let state = try database.loadState()
    #expect(state == StoredState(revision: 0, scheme: .impactV1, projects: []))
  }

  @Test("a project loads back exactly as saved", arguments: StorageSamples.projects)
  func roundTrip(project: Project) throws {
    let database = try ImpactDatabase.inMemory()
    try database.commit(.upsertProjects([project]), context: StorageSamples.context())
    let state = try database.loadState()
    #expect(state.projects == [project])
    #expect(state.revision == 1)
  }

  @Test("portfolio, outcome and rating order survive save and load")
  func orderIsKept() throws {
    let database = try ImpactDatabase.inMemory()
    var zeta = StorageSamples.full(id: "zeta")
    zeta.outcomes = ["z-out", "a-out", "m-out"].map {
      Outcome(id: $0, domain: "health", share: 1.0 / 3)
    }
    zeta.ratings = [
      Rating(criterion: "who", rater: "zoe", value: 1),
      Rating(criterion: "what", rater: "amel", value: 2),
      Rating(criterion: "who", rater: "amel", value: 3),
    ]
    let projects = [zeta, StorageSamples.minimal(id: "alpha"), StorageSamples.full(id: "mid")]
    try database.commit(
      .upsertProjects(Array(projects.prefix(2))), context: StorageSamples.context())
    try database.commit(.upsertProjects([projects[2]]), context: StorageSamples.context())
    let state = try database.loadState()
    #expect(state.projects == projects)
  }

  @Test("the scheme set last is the active one")
  func schemeRoundTrip() throws {
    let database = try ImpactDatabase.inMemory()
    var first = Scheme.impactV1
    first.id = "impact-v1-first"
    first.reachReference = 5_000
    var second = Scheme.impactV1
    second.id = "impact-v1-second"
    second.blend = 0.6
    try database.commit(.setScheme(first), context: StorageSamples.context())
    let afterFirst = try database.loadState()
    #expect(afterFirst.scheme == first)
    try database.commit(.setScheme(second), context: StorageSamples.context())
    let afterSecond = try database.loadState()
    #expect(afterSecond.scheme == second)
    try database.commit(.setScheme(first), context: StorageSamples.context())
    let state = try database.loadState()
    #expect(state.scheme == first)
    #expect(state.revision == 3)
  }
}

/// Projects and contexts shared by the storage tests.
enum StorageSamples {
  static let time = Date(timeIntervalSince1970: 1_764_000_000.25)

  static func context(
    expectedRevision: Int64? = nil, actor: String = "amel", method: String = "test/Commit"
  ) -> ChangeContext {
    ChangeContext(actor: actor, rpcMethod: method, expectedRevision: expectedRevision, at: time)
  }

  /// Every optional field present.
  static func full(id: String = "chantier-lyon") -> Project {
    Project(
      id: id,
      name: "Chantier d'insertion – Lyon 8e",
      programme: "Insertion",
      territory: "Auvergne-Rhône-Alpes",
      status: .funded,
      amount: 300_000.5,
      evidenceLevel: 3,
      risks: ["external": 1, "drop_off": 2, "execution": 0, "endurance": 3],
      ratings: [
        Rating(criterion: "who", rater: "amel", value: 3, comment: "public très éloigné"),
        Rating(criterion: "what", rater: "amel", value: 2.5),
      ],
      outcomes: [
        Outcome(
          id: "emploi-durable", domain: "employment", share: 0.7,
          indicator: "Sorties vers l'emploi durable",
          unit: "%", direction: .higherIsBetter, baseline: 10, threshold: 68, target: 50,
          actual: 45,
          reach: 400, durationYears: 3, dropOff: 0.2, deadweight: 0.25, attribution: 0.1,
          displacement: 0,
          financialProxy: 1000, harmful: true, nature: .mitigation),
        Outcome(
          id: "bien-etre", domain: "health", share: 0.3,
          survey: Survey(veryMuch: 0.4, slightly: 0.35),
          reach: 120.5, durationYears: 0, dropOff: 1, deadweight: 0, attribution: 1,
          displacement: 1,
          financialProxy: 0),
      ],
      extra: #"{"crm": "A-17", "tags": ["pilot", "2025"]}"#)
  }

  /// Every optional field absent.
  static func minimal(id: String = "minimal") -> Project {
    Project(id: id, name: "", outcomes: [Outcome(id: "o", domain: "rights")])
  }

  static let projects: [Project] = [
    full(),
    minimal(),
    Project(
      id: "lower-is-better", name: "Sans-abrisme", status: .rejected, amount: 0, evidenceLevel: 1,
      outcomes: [
        Outcome(
          id: "nuits-dehors", domain: "basic_needs", direction: .lowerIsBetter, baseline: -3.5,
          threshold: -10)
      ], extra: "[]"),
    Project(id: "no-outcome", name: "Pipeline", status: .committee, amount: 1e12, evidenceLevel: 5),
  ]
}
