import GRDB

extension StorageError {
  /// `error` as a storage error: SQLite's constraint failures become
  /// ``constraintViolated(projectID:detail:)``, other SQLite errors ``database(code:message:)``.
  init(_ error: any Error, projectID: String? = nil) {
    if let storage = error as? StorageError {
      self = storage
    } else if let database = error as? DatabaseError {
      let message = database.message ?? "\(database.resultCode)"
      if database.resultCode == .SQLITE_CONSTRAINT {
        self = .constraintViolated(projectID: projectID, detail: message)
      } else {
        self = .database(code: database.extendedResultCode.rawValue, message: message)
      }
    } else {
      self = .database(code: -1, message: "\(error)")
    }
  }
}

extension StorageError {
  /// SQLite's primary result codes (the low byte of an extended code) that get their own case.
  private static let sqliteReadOnly: Int32 = 8
  private static let sqliteFull: Int32 = 13

  /// This error with SQLite's "full" and "read-only" failures turned into
  /// ``databaseFull(path:limitBytes:)`` and ``readOnly(path:)`` for the file at `path`.
  ///
  /// The writer maps SQLite errors deep inside a transaction, where the file is not known, so
  /// the commit attributes them afterwards.
  func attributed(toDatabaseAt path: String, limitBytes: Int?) -> StorageError {
    guard case .database(let code, _) = self else { return self }
    switch code & 0xFF {
    case Self.sqliteFull: return .databaseFull(path: path, limitBytes: limitBytes)
    case Self.sqliteReadOnly: return .readOnly(path: path)
    default: return self
    }
  }
}
