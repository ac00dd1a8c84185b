import DaemonCore
import Foundation
import ImpactStorage
import ImpactStore
import SyntheticData
import Testing

@Suite("Write-ahead log housekeeping", .timeLimit(.minutes(3)))
struct WriteAheadLogTests {
  @Test("a large import leaves no write-ahead log behind; the data is in the file")
  func largeImportTruncatesTheLog() async throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID().uuidString).sqlite").path
    defer {
      for suffix in ["", "-wal", "-shm", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
    let database = try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.durability = .normal })
    let store = PortfolioStore(database: database)
    try await store.load()
    let projects = SyntheticPortfolio.generate(projects: 6_000, seed: 7)
    let context = ChangeContext(actor: "test", rpcMethod: "test/Import")

    _ = try await store.importProjects(
      Array(projects.prefix(100)), mode: .upsert, validateOnly: false, context: context)
    let smallLog = try Self.size(path + "-wal")
    #expect(smallLog > 0, "a small import keeps its log until SQLite checkpoints by itself")

    _ = try await store.importProjects(projects, mode: .upsert, validateOnly: false, context: context)
    let logAfterLargeImport = try Self.size(path + "-wal")
    #expect(logAfterLargeImport == 0)
    try database.close()

    let reopened = try ImpactDatabase.open(atPath: path)
    defer { try? reopened.close() }
    let state = try await reopened.loadState()
    #expect(state.projects.count == 6_000)
  }

  private static func size(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
  }
}
