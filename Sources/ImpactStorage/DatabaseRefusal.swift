/// Why a database file is refused before anything is written to it or served from it.
///
/// `impactd serve` ends with ``exitCode`` 65 (EX_DATAERR) on any of these: the file is not one
/// impactd can safely serve, and running again will not change that (see docs/operations.md).
public enum DatabaseRefusal: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file is not an SQLite database at all (`SQLITE_NOTADB`), or not one impactd created.
  case notImpactDatabase(path: String, reason: String)
  /// The file fails its start-up check (``IntegrityCheck``): `problems` are SQLite's first
  /// findings, at most ten.
  case damaged(path: String, check: IntegrityCheck, problems: [String])

  /// The database file the refusal is about.
  public var path: String {
    switch self {
    case .notImpactDatabase(let path, _), .damaged(let path, _, _): path
    }
  }

  /// 65 (EX_DATAERR).
  public var exitCode: Int32 { 65 }

  /// What is wrong, and what to do, in English.
  public var description: String {
    switch self {
    case .notImpactDatabase(let path, let reason):
      return "\(path) is not an impactd database (\(reason)); it was left unchanged. "
        + "Check --database, or move the file away to start a new database there"
    case .damaged(let path, let check, let problems):
      return "\(path) is damaged (\(check.rawValue) check: \(problems.joined(separator: "; "))); "
        + "it was not served. Recover it with sqlite3 \(path) .recover | sqlite3 recovered.sqlite "
        + "and start impactd on recovered.sqlite, or restore the last backup "
        + "(--integrity off serves it anyway, at the risk of losing more)"
    }
  }
}
