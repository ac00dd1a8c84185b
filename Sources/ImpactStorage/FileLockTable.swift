import Foundation

/// The kernel's table of file locks (`/proc/locks` on Linux), read to name the process that
/// holds a database's lock. Elsewhere there is no table and the holder is not named.
struct FileLockTable: Sendable, Hashable {
  /// One `FLOCK` line: the holder's pid and the locked file.
  struct Entry: Sendable, Hashable {
    var pid: Int32
    var major: UInt64
    var minor: UInt64
    var inode: UInt64
  }

  var entries: [Entry]

  /// Parses `/proc/locks` text, keeping the `FLOCK` locks
  /// (`1: FLOCK  ADVISORY  WRITE 4242 08:01:1311 0 EOF`: pid, then major:minor in hexadecimal
  /// and the inode in decimal).
  init(parsing text: String) {
    entries = text.split(separator: "\n").compactMap { line in
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      // A blocked waiter's line has "->" after the number; it does not hold the lock.
      guard fields.count >= 6, fields[1] == "FLOCK", let pid = Int32(fields[4]) else { return nil }
      let file = fields[5].split(separator: ":")
      guard file.count == 3, let major = UInt64(file[0], radix: 16), let minor = UInt64(file[1], radix: 16),
        let inode = UInt64(file[2])
      else { return nil }
      return Entry(pid: pid, major: major, minor: minor, inode: inode)
    }
  }

  /// The table now, `nil` where the system has none.
  static func current() -> FileLockTable? {
    guard let text = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
    return FileLockTable(parsing: text)
  }

  /// The pid of a process holding a `flock` on `file`, if the table shows one.
  func flockHolder(of file: FileIdentity?) -> Int32? {
    guard let file else { return nil }
    return entries.first { $0.major == file.major && $0.minor == file.minor && $0.inode == file.inode && $0.pid > 0 }?
      .pid
  }
}
