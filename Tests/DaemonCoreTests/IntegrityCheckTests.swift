import Analytics
import DaemonCore
import DaemonTestSupport
import Foundation
import GRDB
import GRPCCore
import ImpactAPI
import Testing

@testable import DaemonCore
@testable import ImpactConfiguration
@testable import ImpactRPC
@testable import ImpactStorage

/// A damaged database is not served: the file is checked at open (`--integrity`, quick by
/// default) and refused with a message that names it and says how to recover. A value that
/// cannot be read while serving is DATA_LOSS naming the file, not UNAVAILABLE "the change was
/// not saved" (which invited retries for ever). Before, files with flipped bits or a truncated
/// tail were served and acknowledged writes.
@Suite("Storage: damaged databases are not served", .timeLimit(.minutes(3)))
struct IntegrityCheckTests {
  /// A database of 300 projects, closed (the WAL copied into the file), in a fresh directory.
  private func withSeededDatabase(_ body: (String) async throws -> Void) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "impact-integrity-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("impact.sqlite").path
    let database = try ImpactDatabase.open(atPath: path)
    let projects = (0..<300).map { StorageSamples.full(id: "projet-\($0)") }
    try await database.commit(.upsertProjects(projects), context: StorageSamples.context())
    try database.close()
    try await body(path)
  }

  /// The page size and the root page of `table`.
  private func layout(_ path: String, table: String) throws -> (pageSize: Int, root: Int) {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    defer { try? queue.close() }
    return try queue.read { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096,
        try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [table]) ?? 0
      )
    }
  }

  /// Inverts `count` bytes of the file at `offset`.
  private func flipBits(_ path: String, offset: Int, count: Int) throws {
    let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seek(toOffset: UInt64(offset))
    let bytes = try handle.read(upToCount: count) ?? Data()
    try handle.seek(toOffset: UInt64(offset))
    try handle.write(contentsOf: Data(bytes.map { ~$0 }))
  }

  private func expectDamaged(_ path: String, check: IntegrityCheck) {
    do {
      try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.integrityCheck = check }).close()
      Issue.record("the damaged file was opened with the \(check) check")
    } catch let refusal as DatabaseRefusal {
      guard case .damaged(let refused, let used, let problems) = refusal else {
        Issue.record("refused for another reason: \(refusal)")
        return
      }
      #expect(refused == path && used == check && !problems.isEmpty && problems.count <= 10)
      #expect(refusal.description.contains("sqlite3 \(path) .recover"))
      #expect(refusal.exitCode == 65)
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  @Test("flipped bits in a page: refused by the quick and the full check, served with --integrity off")
  func flippedBits() async throws {
    try await withSeededDatabase { path in
      let (pageSize, root) = try layout(path, table: "outcomes")
      #expect(root > 1)
      try flipBits(path, offset: (root - 1) * pageSize, count: 24)
      let before = try Data(contentsOf: URL(fileURLWithPath: path))
      expectDamaged(path, check: .quick)
      expectDamaged(path, check: .full)
      #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
      let served = try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.integrityCheck = .off })
      try served.close()
    }
  }

  @Test("a truncated tail: refused")
  func truncatedTail() async throws {
    try await withSeededDatabase { path in
      let (pageSize, _) = try layout(path, table: "outcomes")
      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as! NSNumber
      #expect(size.intValue > 20 * pageSize)
      let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
      try handle.truncate(atOffset: UInt64(size.intValue - 8 * pageSize))
      try handle.close()
      expectDamaged(path, check: .quick)
    }
  }

  @Test("a sound file passes every check")
  func soundFile() async throws {
    try await withSeededDatabase { path in
      for check in IntegrityCheck.allCases {
        try ImpactDatabase.open(atPath: path, configuration: .defaults { $0.integrityCheck = check }).close()
      }
    }
  }

  @Test("a stored value that cannot be read while serving is DATA_LOSS naming the file, not UNAVAILABLE")
  func unreadableWhileServing() async throws {
    var configuration = DaemonConfiguration.testing
    let path = configuration.database.path
    configuration.database.integrityCheck = .quick
    let seeded = try ImpactDatabase.open(atPath: path)
    try await seeded.commit(.upsertProjects(StorageSamples.projects), context: StorageSamples.context())
    try seeded.close()
    try await withRunningDaemon(configuration: configuration, application: ImpactApplication()) { daemon in
      // Damage one stored value behind the daemon's back, as a bad sector or a stray write would.
      let queue = try DatabaseQueue(path: path)
      try await queue.write { try $0.execute(sql: "UPDATE journal SET committed_at = 'garbled' WHERE revision = 1") }
      try queue.close()
      try await daemon.withClient { client in
        let refused = await #expect(throws: RPCError.self) {
          _ = try await Impact_V1_AuditService.Client(wrapping: client).listAuditEntries(.init())
        }
        #expect(refused?.code == .dataLoss)
        #expect(refused?.message.contains(path) == true, "\(refused?.message ?? "")")
        #expect(refused?.message.contains("journal.committed_at") == true)
        #expect(refused?.message.contains("not saved") == false)
      }
    }
  }

  @Test("read failures: damage is DATA_LOSS, an I/O error INTERNAL, a busy database unchanged")
  func readFailureCodes() {
    let damaged = StorageError.database(code: 11, message: "database disk image is malformed")
      .asReadFailure(ofDatabaseAt: "/data/impact.sqlite")
    #expect((damaged as? StoredDataError)?.rpcErrorCode == .dataLoss)
    #expect((damaged as? StoredDataError)?.description.contains("/data/impact.sqlite") == true)
    let io = StorageError.database(code: 266, message: "disk I/O error").asReadFailure(
      ofDatabaseAt: "/data/impact.sqlite")
    #expect((io as? StoredDataError)?.rpcErrorCode == .internalError)
    let busy = StorageError.database(code: 5, message: "database is locked").asReadFailure(ofDatabaseAt: "/x")
    #expect(busy as? StorageError == .database(code: 5, message: "database is locked"))
  }
}
