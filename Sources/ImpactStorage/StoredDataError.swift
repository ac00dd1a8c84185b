/// A read of stored data failed while the daemon served: the request changed nothing, and
/// retrying will not help.
///
/// Reads used to report these as the store's write failures ("the change was not saved",
/// UNAVAILABLE), which invited clients to retry for ever. Sent as DATA_LOSS when the file is
/// damaged and INTERNAL for another failure, both naming the file.
public struct StoredDataError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: String, Sendable, Hashable {
    /// The file is damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`) or holds a value this version
    /// cannot read.
    case damaged
    /// Another failure of the read (an I/O error, no memory).
    case readFailed
  }

  /// What went wrong.
  public var kind: Kind
  /// The database file.
  public var path: String
  /// SQLite's message, or what could not be read.
  public var detail: String

  /// Creates the error.
  public init(kind: Kind, path: String, detail: String) {
    self.kind = kind
    self.path = path
    self.detail = detail
  }

  public var description: String {
    switch kind {
    case .damaged:
      return "the stored data in \(path) cannot be read: \(detail); the file is damaged: stop impactd, "
        + "recover it (sqlite3 \(path) .recover) or restore the last backup"
    case .readFailed:
      return "reading \(path) failed: \(detail)"
    }
  }
}

extension StorageError {
  /// SQLite's primary result codes that mean a damaged file or a failed read.
  private static let damageCodes: Set<Int32> = [11, 26]  // SQLITE_CORRUPT, SQLITE_NOTADB
  private static let readFailureCodes: Set<Int32> = [7, 10, 14]  // SQLITE_NOMEM, SQLITE_IOERR, SQLITE_CANTOPEN

  /// This error, met while reading stored data of the file at `path`, as the
  /// ``StoredDataError`` it means; other errors (a busy or closed database, a missing project)
  /// stay as they are.
  func asReadFailure(ofDatabaseAt path: String) -> any Error {
    switch self {
    case .unreadableValue:
      return StoredDataError(kind: .damaged, path: path, detail: description)
    case .database(let code, let message) where Self.damageCodes.contains(code & 0xFF):
      return StoredDataError(kind: .damaged, path: path, detail: message)
    case .database(let code, let message) where Self.readFailureCodes.contains(code & 0xFF):
      return StoredDataError(kind: .readFailed, path: path, detail: "database error \(code): \(message)")
    default:
      return self
    }
  }
}
