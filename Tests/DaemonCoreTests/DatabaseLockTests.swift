import Foundation
import Testing

@testable import DaemonCore
@testable import ImpactStorage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One daemon per database file, whatever name it is opened by: the lock is a `flock` on the
/// file itself. Before, the lock was `<name>.lock`, so a hard link or a symbolic link to a file
/// in use let a second daemon in (acknowledged writes were lost), and a symbolic link planted
/// at `<name>.lock` made the daemon write its pid through it.
@Suite("Storage: the database lock follows the file", .timeLimit(.minutes(3)))
struct DatabaseLockTests {
  private func withDirectory(_ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("impact-lock-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory)
  }

  @Test("a second open through a hard link is refused at once, naming the link and the holder")
  func hardLink() throws {
    try withDirectory { directory in
      let path = directory.appendingPathComponent("a.sqlite").path
      let link = directory.appendingPathComponent("b.sqlite").path
      let first = try ImpactDatabase.open(atPath: path)
      try FileManager.default.linkItem(atPath: path, toPath: link)
      #expect(throws: StorageError.databaseInUse(path: link, pid: Self.expectedHolder)) {
        try ImpactDatabase.open(atPath: link).close()
      }
      try first.close()
      // Free again once the first is closed, under either name.
      try ImpactDatabase.open(atPath: link).close()
    }
  }

  @Test("a second open through a symbolic link is refused, read-only too")
  func symbolicLink() throws {
    try withDirectory { directory in
      let path = directory.appendingPathComponent("a.sqlite").path
      let link = directory.appendingPathComponent("b.sqlite").path
      let first = try ImpactDatabase.open(atPath: path)
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
      #expect(throws: StorageError.databaseInUse(path: link, pid: Self.expectedHolder)) {
        try ImpactDatabase.open(atPath: link).close()
      }
      #expect(throws: StorageError.databaseInUse(path: link, pid: Self.expectedHolder)) {
        try ImpactDatabase.open(atPath: link, configuration: .defaults { $0.readOnly = true }).close()
      }
      try first.close()
    }
  }

  @Test("no lock file: a symbolic link planted at <database>.lock is not written through")
  func plantedLockLink() throws {
    try withDirectory { directory in
      let path = directory.appendingPathComponent("impact.sqlite").path
      let victim = directory.appendingPathComponent("victim.txt").path
      let original = Data("precious\n".utf8)
      try original.write(to: URL(fileURLWithPath: victim))
      try FileManager.default.createSymbolicLink(atPath: path + ".lock", withDestinationPath: victim)
      let database = try ImpactDatabase.open(atPath: path)
      try database.close()
      #expect(try Data(contentsOf: URL(fileURLWithPath: victim)) == original)
      #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path + ".lock") == victim)
    }
  }

  @Test("the holder is found in /proc/locks by device and inode")
  func lockTable() {
    let table = FileLockTable(
      parsing: """
        1: POSIX  ADVISORY  WRITE 77 08:01:1311 1073741824 1073741824
        2: FLOCK  ADVISORY  WRITE 4242 fd:01:1311 0 EOF
        2: -> FLOCK  ADVISORY  WRITE 99 fd:01:1311 0 EOF
        3: FLOCK  ADVISORY  WRITE 5151 08:01:1311 0 EOF
        """)
    #expect(table.entries.count == 2)
    // dev_t 0xfd01 is major 0xfd, minor 0x01.
    #expect(table.flockHolder(of: FileIdentity(device: 0xfd01, inode: 1311)) == 4242)
    #expect(table.flockHolder(of: FileIdentity(device: 0x0801, inode: 1311)) == 5151)
    #expect(table.flockHolder(of: FileIdentity(device: 0x0801, inode: 1312)) == nil)
  }

  /// This process on Linux, which lists its flock locks; nobody named elsewhere.
  static var expectedHolder: Int32? {
    FileManager.default.fileExists(atPath: "/proc/locks") ? getpid() : nil
  }
}
