import Foundation
import Synchronization

#if canImport(Glibc)
  // `struct stat` is found through whichever of these loaded <sys/stat.h> first; member
  // import visibility needs the one that did.
  import CDispatch
  import CoreFoundation
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on the database file itself, held while a daemon has the database
/// open, so that a second daemon on the same file fails at start-up instead of interleaving
/// writes.
///
/// The lock belongs to the file (its inode), not to the name it was opened by: a second
/// daemon given a hard link or a symbolic link to a file in use is refused too (each name
/// would otherwise have its own `-wal` file, and acknowledged writes were lost). `flock` locks
/// are independent of the POSIX `fcntl` locks SQLite takes on the same file, so they do not
/// disturb SQLite's; but closing any descriptor of the file drops the process's POSIX locks,
/// so this descriptor is closed only after every SQLite connection to the file is closed.
///
/// There is no separate lock file (an earlier `<database>.lock` could be replaced by a
/// symbolic link that the daemon then wrote its pid through). The kernel releases the lock if
/// the process dies.
final class DatabaseLock: Sendable {
  /// The database file, as named by the caller.
  let path: String
  private let descriptor: Mutex<Int32?>

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = Mutex(descriptor)
  }

  deinit {
    release()
  }

  /// Opens the database file (creating it empty unless `readOnly`) and locks it.
  ///
  /// - Throws: ``StorageError/databaseInUse(path:pid:)`` at once when another open
  ///   file description holds the lock (another process, or another open in this one);
  ///   ``StorageError/lockUnavailable(path:reason:)`` when the file cannot be opened or
  ///   locked.
  static func acquire(forDatabaseAt path: String, readOnly: Bool = false) throws -> DatabaseLock {
    let flags = readOnly ? O_RDONLY : (O_RDWR | O_CREAT)
    let fd = open(path, flags | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw StorageError.lockUnavailable(path: path, reason: String(cString: strerror(errno)))
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let code = errno
      let holder = FileLockTable.current()?.flockHolder(of: FileIdentity(descriptor: fd))
      close(fd)
      if code == EWOULDBLOCK {
        throw StorageError.databaseInUse(path: path, pid: holder)
      }
      throw StorageError.lockUnavailable(path: path, reason: String(cString: strerror(code)))
    }
    return DatabaseLock(path: path, descriptor: fd)
  }

  /// Throws unless `path` still names the locked file: a file renamed over it between the lock
  /// and SQLite's open would be served unlocked.
  func checkStillNamesLockedFile() throws {
    let locked = descriptor.withLock { fd in fd.flatMap { FileIdentity(descriptor: $0) } }
    guard let locked, let named = FileIdentity(path: path), locked == named else {
      throw StorageError.lockUnavailable(
        path: path, reason: "the file was replaced while it was being opened; start again")
    }
  }

  /// Unlocks; later calls do nothing. Call it after the database's connections are closed.
  func release() {
    descriptor.withLock { fd in
      guard let open = fd else { return }
      flock(open, LOCK_UN)
      close(open)
      fd = nil
    }
  }
}

/// The device and inode of a file: what names of one file have in common.
struct FileIdentity: Sendable, Hashable {
  var device: UInt64
  var inode: UInt64

  init(device: UInt64, inode: UInt64) {
    self.device = device
    self.inode = inode
  }

  /// The file open at `descriptor`.
  init?(descriptor: Int32) {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    self.init(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
  }

  /// The file `path` names, symbolic links followed.
  init?(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    self.init(device: UInt64(truncatingIfNeeded: info.st_dev), inode: UInt64(truncatingIfNeeded: info.st_ino))
  }

  /// The device's major number, as Linux encodes `dev_t`.
  var major: UInt64 { ((device >> 8) & 0xfff) | ((device >> 32) & ~0xfff) }
  /// The device's minor number, as Linux encodes `dev_t`.
  var minor: UInt64 { (device & 0xff) | ((device >> 12) & ~0xff) }
}
