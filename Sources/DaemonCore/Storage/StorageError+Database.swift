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
