import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive `flock` on `<database>.lock`, held while a daemon has the database open, so
/// a second daemon on the same file fails at start-up instead of interleaving writes.
///
/// The lock is released by ``release()`` or, if the process dies, by the kernel. The file
/// stays on disk: removing it would let two processes lock two different files.
final class DatabaseLock: Sendable {
  let lockPath: String
  private let descriptor: Mutex<Int32?>

  private init(lockPath: String, descriptor: Int32) {
    self.lockPath = lockPath
    self.descriptor = Mutex(descriptor)
  }

  deinit {
    release()
  }

  /// Locks `<databasePath>.lock` and writes this process's pid into it.
  static func acquire(forDatabaseAt databasePath: String) throws -> DatabaseLock {
    let lockPath = databasePath + ".lock"
    let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else {
      throw StorageError.lockUnavailable(
        lockPath: lockPath, reason: String(cString: strerror(errno)))
    }
    guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
      let code = errno
      let holder = readPID(fd)
      close(fd)
      if code == EWOULDBLOCK {
        throw StorageError.databaseInUse(path: databasePath, lockPath: lockPath, pid: holder)
      }
      throw StorageError.lockUnavailable(
        lockPath: lockPath, reason: String(cString: strerror(code)))
    }
    let pid = Array("\(getpid())\n".utf8)
    guard ftruncate(fd, 0) == 0, pwrite(fd, pid, pid.count, 0) == pid.count else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw StorageError.lockUnavailable(lockPath: lockPath, reason: reason)
    }
    return DatabaseLock(lockPath: lockPath, descriptor: fd)
  }

  /// Unlocks; later calls do nothing.
  func release() {
    descriptor.withLock { fd in
      guard let open = fd else { return }
      flock(open, LOCK_UN)
      close(open)
      fd = nil
    }
  }

  /// The pid the holder wrote, `nil` if it has not written it yet.
  private static func readPID(_ fd: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let count = pread(fd, &buffer, buffer.count, 0)
    guard count > 0 else { return nil }
    let text = String(decoding: buffer[0..<count], as: UTF8.self)
    return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
