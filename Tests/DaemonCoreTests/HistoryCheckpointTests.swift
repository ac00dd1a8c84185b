import Analytics
import Foundation
import GRDB
import SyntheticData
import Testing

@testable import DaemonCore
@testable import ImpactStorage
@testable import ImpactStore

/// Checkpoints are derived data: every past revision reads the same with them, without them,
/// and from a snapshot's frozen state, and reading a revision starts from the nearest one.
@Suite("History checkpoints")
struct HistoryCheckpointTests {
  static let context = ChangeContext(actor: "tester", rpcMethod: "test/Write")

  @Test(
    "every revision reads as it was committed, from checkpoints, from snapshots and from the journal alone",
    .timeLimit(.minutes(3)))
  func revisionsReadTheSameFromEveryStart() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "impact-checkpoints-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("impact.sqlite").path
    var recorded: [Int64: (scheme: Scheme, projects: [Project])] = [:]
    do {
      let database = try ImpactDatabase.open(atPath: path)
      let store = PortfolioStore(database: database, checkpoints: CheckpointPolicy(journalBytes: 1 << 40, revisions: 4))
      try await store.load()
      func keep(_ snapshot: PortfolioSnapshot) { recorded[snapshot.revision] = (snapshot.scheme, snapshot.projects) }
      var generator = SplitMix64(seed: 7)
      let generated = SyntheticPortfolio.generate(projects: 60, seed: 7)
      _ = try await store.importProjects(
        Array(generated.prefix(40)), mode: .upsert, validateOnly: false, context: Self.context)
      keep(store.snapshot)
      var revised = Scheme.impactV1
      revised.id = "impact-v1-revised"
      revised.blend = 0.35
      for step in 0..<30 {
        let ids = store.snapshot.projects.map(\.id)
        let id = ids[Int(generator.next() % UInt64(ids.count))]
        switch step % 6 {
        case 0:
          keep(
            try await store.record(
              Rating(criterion: "who", rater: "r\(step)", value: Double(step % 5)), projectID: id, context: Self.context
            ))
        case 1:
          let outcome = try #require(store.snapshot.project(id)?.outcomes.first)
          keep(
            try await store.record(
              Observation(
                projectID: id, outcomeID: outcome.id, value: Double(step), period: "2026", recordedBy: "tester",
                recordedAt: Date()),
              context: Self.context))
        case 2:
          keep(try await store.update(id, context: Self.context) { $0.amount += 1_000 })
        case 3:
          _ = try await store.importProjects(
            [generated[40 + step % 20]], mode: .upsert, validateOnly: false, context: Self.context)
          keep(store.snapshot)
        case 4:
          keep(try await store.delete(id, context: Self.context))
        default:
          if step == 11 {
            keep(try await store.setScheme(revised, context: Self.context))
          } else {
            _ = try await store.createSnapshot(named: "s\(step)", note: "", context: Self.context)
            keep(store.snapshot)
          }
        }
      }
      // The checkpoints are written after their writes answered, in write order: one more
      // write runs after every one queued.
      _ = try await store.record(
        Rating(criterion: "who", rater: "last", value: 1), projectID: store.snapshot.projects[0].id,
        context: Self.context)
      let checkpoints = try database.checkpointStatistics()
      #expect(checkpoints.count >= 6, "\(checkpoints)")
      #expect(checkpoints.bytes > 0)
      try database.close()
    }

    func check(_ label: String) async throws {
      let database = try ImpactDatabase.open(atPath: path)
      let store = PortfolioStore(database: database)
      try await store.load()
      for (revision, expected) in recorded.sorted(by: { $0.key < $1.key }) {
        let state = try await store.snapshot(at: .revision(revision))
        #expect(state.revision == revision, "\(label)")
        #expect(state.scheme == expected.scheme, "\(label), revision \(revision)")
        #expect(
          state.projects.sorted { $0.id < $1.id } == expected.projects.sorted { $0.id < $1.id },
          "\(label), revision \(revision)")
      }
      try database.close()
    }
    try await check("with checkpoints and snapshots")
    let database = try ImpactDatabase.open(atPath: path)
    try await database.writer.write { db in try db.execute(sql: "DELETE FROM checkpoints") }
    try database.close()
    try await check("with snapshots only")
  }
}
