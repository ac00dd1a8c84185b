import GRDB

extension ImpactDatabase {
  /// Copies the write-ahead log into the database file and truncates it to zero bytes.
  ///
  /// SQLite's automatic checkpoints copy the log back but never shrink it, so one large import
  /// would leave a log as large as the import on disk until the daemon stops. Waits for
  /// readers still using the log (within the busy timeout); a failure leaves the log as it
  /// was, which is harmless.
  /// - Returns: the number of frames the log held.
  @discardableResult
  public func truncateWriteAheadLog() async throws -> Int {
    guard writer is DatabasePool else { return 0 }
    do {
      return try await writer.writeWithoutTransaction { db in
        try db.checkpoint(.truncate).walFrameCount
      }
    } catch {
      throw StorageError(error)
    }
  }
}
