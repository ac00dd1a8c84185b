import Analytics
import DaemonTestSupport
import Foundation
import GRDB
import GRPCCore
import ImpactAPI
import SwiftProtobuf
import Testing

@testable import DaemonCore
@testable import ImpactConfiguration
@testable import ImpactRPC
@testable import ImpactStorage
@testable import ImpactStore

/// A database that cannot grow (size limit or full disk) or cannot be written (read-only):
/// the write fails with a clear error, memory and disk stay as they were, reads go on.
@Suite("Storage: size limit and read-only", .timeLimit(.minutes(3)))
struct StorageLimitTests {
  /// A fresh directory for one test, removed by `body`'s end.
  private func withTemporaryDirectory<Result>(_ body: (String) async throws -> Result) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "impact-storage-limit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory.appendingPathComponent("impact.sqlite").path)
  }

  /// `count` copies of the full sample project, a few kilobytes each once stored.
  static func generated(_ count: Int, prefix: String = "generated") -> [Project] {
    (0..<count).map { number in
      var project = StorageSamples.full(id: "\(prefix)-\(number)")
      project.name = "Generated project \(number) " + String(repeating: "x", count: 200)
      return project
    }
  }

  @Test("a commit past the size limit fails with databaseFull and leaves memory and disk unchanged")
  func sizeLimit() async throws {
    try await withTemporaryDirectory { path in
      let limit = 256 * 1024
      let database = try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.maxSizeBytes = limit })
      let store = PortfolioStore(database: database)
      try await store.load()
      _ = try await store.importProjects(
        Self.generated(3, prefix: "small"), mode: .upsert, validateOnly: false, context: StorageSamples.context())
      let before = store.snapshot
      let storedBefore = try await database.loadState()

      do {
        _ = try await store.importProjects(
          Self.generated(2000), mode: .upsert, validateOnly: false, context: StorageSamples.context())
        Issue.record("an import of 2000 projects fit in \(limit) bytes")
      } catch let error as StorageError {
        #expect(error == .databaseFull(path: path, limitBytes: limit))
        #expect(error.rpcErrorCode == .resourceExhausted)
        #expect(error.rpcErrorMessage.hasPrefix("the change was not saved: the database \(path) is full"))
        #expect(error.rpcErrorMessage.contains("\(limit) bytes"))
      }
      #expect(store.snapshot.revision == before.revision)
      #expect(store.snapshot.projects == before.projects)
      let storedAfter = try await database.loadState()
      #expect(storedAfter == storedBefore)
      #expect(try database.integrityProblems().isEmpty)
      // A write that fits still goes through.
      let small = try await store.create(StorageSamples.full(id: "after-full"), context: StorageSamples.context())
      #expect(small.revision == before.revision + 1)
      let fileSize = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
      #expect(fileSize <= limit)
      try database.close()
    }
  }

  @Test("a read-only database serves reads and refuses every commit with readOnly")
  func readOnly() async throws {
    try await withTemporaryDirectory { path in
      let seeded = try ImpactDatabase.open(atPath: path)
      try await seeded.commit(.upsertProjects(Self.generated(3)), context: StorageSamples.context())
      let stored = try await seeded.loadState()
      try seeded.close()
      let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date

      let database = try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.readOnly = true })
      let store = PortfolioStore(database: database)
      try await store.load()
      let before = store.snapshot
      #expect(before.projects == stored.projects)

      let writes: [@Sendable () async throws -> Void] = [
        { _ = try await store.create(StorageSamples.full(id: "new"), context: StorageSamples.context()) },
        { _ = try await store.delete("generated-0", context: StorageSamples.context()) },
        { _ = try await store.update("generated-1", context: StorageSamples.context()) { $0.name = "Renamed" } },
        {
          _ = try await store.record(
            Rating(criterion: "who", rater: "zoe", value: 2), projectID: "generated-2",
            context: StorageSamples.context())
        },
        { _ = try await store.setScheme(.impactV1, context: StorageSamples.context()) },
        {
          _ = try await store.importProjects(
            Self.generated(2, prefix: "more"), mode: .replace, validateOnly: false, context: StorageSamples.context())
        },
      ]
      for write in writes {
        do {
          try await write()
          Issue.record("a write succeeded on a read-only database")
        } catch let error as StorageError {
          #expect(error == .readOnly(path: path))
          #expect(error.rpcErrorCode == .failedPrecondition)
          #expect(error.rpcErrorMessage.hasPrefix("the database is open read-only; the change was not saved"))
        }
        #expect(store.snapshot.revision == before.revision)
        #expect(store.snapshot.projects == before.projects)
      }
      let reread = try await database.loadState()
      #expect(reread == stored)
      #expect(try database.journal(after: 0, limit: 100).count == 1)
      try database.close()
      let modifiedAfter = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
      #expect(modifiedAfter == modified)
    }
  }

  @Test("a read-only open of a file without the current schema fails and names the migrations")
  func readOnlyNeedsCurrentSchema() async throws {
    try await withTemporaryDirectory { path in
      // A file of an earlier impactd, before the credentials table (another application's
      // file is refused earlier: DatabaseIdentityTests).
      let queue = try DatabaseQueue(path: path)
      try StorageSchema.migrator.migrate(queue, upTo: "v1-portfolio")
      try queue.close()
      do {
        let database = try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.readOnly = true })
        try database.close()
        Issue.record("a database without the schema opened read-only")
      } catch let error as StorageError {
        guard case .schemaNotCurrent(let failedPath, let missing) = error else {
          Issue.record("unexpected error \(error)")
          return
        }
        #expect(failedPath == path)
        // Every migration after v1 but the identity mark, which a read-only daemon does without.
        #expect(
          missing
            == StorageSchema.migrator.migrations.filter {
              $0 != "v1-portfolio" && $0 != StorageSchema.identityMigration
            })
        #expect(error.description.contains("open it once without --read-only"))
      }
      // The lock was released: the file opens normally afterwards.
      let writable = try ImpactDatabase.open(atPath: path)
      try writable.close()
    }
  }

  @Test("a read-only open of a missing file fails with a clear message and creates nothing")
  func readOnlyMissingFile() async throws {
    try await withTemporaryDirectory { path in
      #expect(
        throws: StorageError.database(code: 14, message: "cannot open \(path) read-only: the file does not exist")
      ) {
        try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.readOnly = true })
      }
      #expect(!FileManager.default.fileExists(atPath: path))
    }
  }

  @Test("a read-only open keeps the one-daemon-per-file lock")
  func readOnlyKeepsLock() async throws {
    try await withTemporaryDirectory { path in
      let writer = try ImpactDatabase.open(atPath: path)
      let attempt = #expect(throws: StorageError.self) {
        try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.readOnly = true })
      }
      guard case .databaseInUse = attempt else {
        Issue.record("expected databaseInUse, got \(String(describing: attempt))")
        return
      }
      try writer.close()
    }
  }

  @Test("an import that does not fit the size limit is RESOURCE_EXHAUSTED over gRPC, and reads go on")
  func sizeLimitOverRPC() async throws {
    var configuration = DaemonConfiguration.testing
    configuration.database.maxSizeBytes = 256 * 1024
    let document = PortfolioDocument(scheme: .impactV1, projects: Self.generated(2000))
    try await withRunningDaemon(configuration: configuration, application: ImpactApplication()) { daemon in
      try await daemon.withClient { client in
        _ = try await ImpactServiceTests.importFixture(client)
        let status = Impact_V1_StatusService.Client(wrapping: client)
        let before = try await status.getStatus(.init())
        // 2 000 projects: more values than one ImportPortfolio parses, so they are streamed.
        let refused = await #expect(throws: RPCError.self) {
          try await Impact_V1_PortfolioService.Client(wrapping: client).importPortfolioStream(
            requestProducer: { writer in
              try await ImportStreamChunks.write(
                document.projects, count: document.projects.count, chunk: 250, to: writer)
            })
        }
        #expect(refused?.code == .resourceExhausted)
        #expect(refused?.message.contains("the change was not saved") == true)
        #expect(refused?.message.contains("is full") == true)
        let after = try await status.getStatus(.init())
        #expect(after.revision == before.revision)
        #expect(after.projectCount == before.projectCount)
        let listed = try await Impact_V1_ProjectService.Client(wrapping: client).listProjects(.init())
        #expect(listed.projects.count == 4)
      }
    }
  }
}
