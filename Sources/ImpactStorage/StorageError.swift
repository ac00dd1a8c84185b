/// Why the database refused or failed an operation. A refused or failed commit changed nothing.
///
/// The refusals of the portfolio's rules (an unknown project or outcome, a stale revision) are
/// ``StoreError``s, checked once by ``PortfolioStore`` before it writes; the database backs them
/// with its constraints (``constraintViolated(projectID:detail:)``).
public enum StorageError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Another daemon holds the lock of the database file (under this name or another): one
  /// daemon per database. `pid` is the holder's, when the system says.
  case databaseInUse(path: String, pid: Int32?)
  /// The database file could not be opened or locked for another reason than another holder.
  case lockUnavailable(path: String, reason: String)
  /// The same project id twice in one change.
  case duplicateProjectID(String)
  /// A value the schema refuses (a CHECK, UNIQUE, NOT NULL or foreign key constraint), or a
  /// change naming a project or outcome that is not stored; `detail` is SQLite's message, which
  /// names the column and the rule, or names the missing row.
  case constraintViolated(projectID: String?, detail: String)
  /// A stored value this version cannot read (an unknown status, a malformed document).
  case unreadableValue(table: String, key: String, column: String, detail: String)
  /// The file cannot grow: it reached its size limit (`limitBytes`, from
  /// ``StorageConfiguration/maxSizeBytes``) or the disk is full (SQLite's `SQLITE_FULL`).
  case databaseFull(path: String, limitBytes: Int?)
  /// The database is open read-only (``StorageConfiguration/readOnly``) or SQLite found the
  /// file read-only (`SQLITE_READONLY`): nothing can be written.
  case readOnly(path: String)
  /// A file opened read-only lacks migrations this version needs (it cannot migrate it).
  case schemaNotCurrent(path: String, missingMigrations: [String])
  /// Any other database failure (I/O error, closed database), with SQLite's code.
  case database(code: Int32, message: String)

  public var description: String {
    switch self {
    case .databaseInUse(let path, let pid):
      let holder = pid.map { "pid \($0)" } ?? "another process"
      return "another impactd is using \(path) (the file is locked by \(holder), under this name or another)"
    case .lockUnavailable(let path, let reason):
      return "cannot lock \(path): \(reason)"
    case .duplicateProjectID(let id):
      return "project '\(id)' appears more than once in the change"
    case .constraintViolated(let projectID, let detail):
      if let projectID { return "project '\(projectID)': \(detail)" }
      return detail
    case .unreadableValue(let table, let key, let column, let detail):
      return "cannot read \(table).\(column) of '\(key)': \(detail)"
    case .databaseFull(let path, let limitBytes?):
      return "the database \(path) is full: it reached its size limit of \(limitBytes) bytes "
        + "(maxDatabaseBytes, --max-database-size); raise the limit or remove data"
    case .databaseFull(let path, nil):
      return "the database \(path) is full: the disk has no space left; free some space"
    case .readOnly(let path):
      return "the database \(path) is read-only (--read-only, or a read-only file); "
        + "restart impactd without --read-only on a writable file to change it"
    case .schemaNotCurrent(let path, let missing):
      return "cannot open \(path) read-only: its schema lacks the migrations "
        + "\(missing.joined(separator: ", ")); open it once without --read-only to migrate it"
    case .database(let code, let message):
      return "database error \(code): \(message)"
    }
  }
}
