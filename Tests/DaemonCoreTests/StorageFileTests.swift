import Analytics
import Foundation
import GRDB
import Testing

@testable import DaemonCore
@testable import ImpactStorage

@Suite("Storage: database files")
struct StorageFileTests {
  /// A fresh directory for one test, removed by `body`'s end.
  private func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "impact-storage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory)
  }

  @Test("a file database keeps its data across close and reopen")
  func reopen() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "impact-storage-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    do {
      let path = directory.appendingPathComponent("impact.sqlite").path
      var scheme = Scheme.impactV1
      scheme.id = "impact-v1-reopen"
      let first = try ImpactDatabase.open(atPath: path)
      try await first.commit(
        .upsertProjects(StorageSamples.projects), context: StorageSamples.context())
      try await first.commit(.setScheme(scheme), context: StorageSamples.context())
      let before = try await first.loadState()
      try first.close()

      let second = try ImpactDatabase.open(atPath: path)
      // A synchronous closure calls the blocking overload.
      let after = try { try second.loadState() }()
      #expect(after == before)
      #expect(after == StoredState(revision: 2, scheme: scheme, projects: StorageSamples.projects))
      let loadedAsynchronously = try await second.loadState()
      #expect(loadedAsynchronously == after)
      #expect(try second.integrityProblems().isEmpty)
      try second.close()
    }
  }

  @Test("a second open of the same file fails at once and names the lock holder")
  func singleInstance() throws {
    try withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("impact.sqlite").path
      let first = try ImpactDatabase.open(atPath: path)
      let started = ContinuousClock.now
      do {
        let second = try ImpactDatabase.open(atPath: path)
        try second.close()
        Issue.record("the second open succeeded")
      } catch let error as StorageError {
        #expect(error == .databaseInUse(path: path, pid: getpid()))
        #expect(
          error.description
            == "another impactd is using \(path) (the file is locked by pid \(getpid()), under this name or another)")
      }
      #expect(ContinuousClock.now - started < .seconds(1))
      try first.close()

      let third = try ImpactDatabase.open(atPath: path)
      #expect(try third.currentRevision() == 0)
      try third.close()
    }
  }

  @Test("the database is sound after writes and refused writes")
  func integrity() throws {
    try withTemporaryDirectory { directory in
      let database = try ImpactDatabase.open(
        atPath: directory.appendingPathComponent("impact.sqlite").path)
      try database.commit(
        .upsertProjects(StorageSamples.projects), context: StorageSamples.context())
      var bad = StorageSamples.full(id: "bad")
      bad.amount = -1
      #expect(throws: StorageError.self) {
        try database.commit(.upsertProjects([bad]), context: StorageSamples.context())
      }
      try database.commit(.deleteProjects(["minimal"]), context: StorageSamples.context())
      #expect(try database.integrityProblems() == [])
      let foreignKeyProblems = try database.writer.read { db in
        try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
      }
      #expect(foreignKeyProblems.isEmpty)
      try database.close()
    }
  }

  @Test(
    "durability sets the writer's synchronous pragma, in WAL mode with foreign keys on",
    arguments: [
      (Durability.full, 2), (Durability.normal, 1),
    ])
  func durability(durability: Durability, synchronous: Int) throws {
    try withTemporaryDirectory { directory in
      let database = try ImpactDatabase.open(
        atPath: directory.appendingPathComponent("impact.sqlite").path,
        configuration: .defaults { $0.durability = durability })
      let pragmas = try database.writer.writeWithoutTransaction { db in
        [
          try String.fetchOne(db, sql: "PRAGMA journal_mode"),
          try String.fetchOne(db, sql: "PRAGMA synchronous"),
          try String.fetchOne(db, sql: "PRAGMA foreign_keys"),
        ]
      }
      #expect(pragmas == ["wal", "\(synchronous)", "1"])
      try database.close()
    }
  }

  @Test("a closed database refuses work with a storage error")
  func closed() throws {
    try withTemporaryDirectory { directory in
      let database = try ImpactDatabase.open(
        atPath: directory.appendingPathComponent("impact.sqlite").path)
      try database.close()
      #expect(throws: StorageError.self) {
        try database.loadState()
      }
    }
  }
}
