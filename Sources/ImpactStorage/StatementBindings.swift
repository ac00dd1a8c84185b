import GRDB
import GRDBSQLite

/// Runs an INSERT with its parameters bound straight in SQLite: no `StatementArguments` array
/// of `DatabaseValue`s per row. A bulk import writes some 1.7 million rows at 100 000 projects;
/// building and releasing those arrays cost more than SQLite's own work (issue 14's profile).
///
/// Bind every parameter of the statement, then ``execute()``; the statement is reset at the
/// start of each row. A failure is a GRDB `DatabaseError`, named by SQLite's message, which
/// `StorageError(_:projectID:)` turns into the store's error like any other.
struct StatementBindings {
  private let statement: Statement
  private let handle: SQLiteStatement

  init(_ statement: Statement) {
    self.statement = statement
    self.handle = statement.sqliteStatement
    sqlite3_reset(handle)
  }

  /// SQLite copies the text before the call returns.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  func text(_ index: Int32, _ value: String?) {
    guard var value else {
      sqlite3_bind_null(handle, index)
      return
    }
    value.withUTF8 { bytes in
      guard let start = bytes.baseAddress, !bytes.isEmpty else {
        _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
        return
      }
      _ = UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
        sqlite3_bind_text(handle, index, text, Int32(bytes.count), Self.transient)
      }
    }
  }

  func double(_ index: Int32, _ value: Double?) {
    guard let value else {
      sqlite3_bind_null(handle, index)
      return
    }
    sqlite3_bind_double(handle, index, value)
  }

  func int(_ index: Int32, _ value: Int?) {
    guard let value else {
      sqlite3_bind_null(handle, index)
      return
    }
    sqlite3_bind_int64(handle, index, Int64(value))
  }

  func int64(_ index: Int32, _ value: Int64) {
    sqlite3_bind_int64(handle, index, value)
  }

  func bool(_ index: Int32, _ value: Bool) {
    sqlite3_bind_int64(handle, index, value ? 1 : 0)
  }

  /// Steps the statement to its end and resets it for the next row.
  func execute() throws {
    let code = sqlite3_step(handle)
    let message = code == SQLITE_DONE ? nil : sqlite3_errmsg(sqlite3_db_handle(handle)).map { String(cString: $0) }
    sqlite3_reset(handle)
    guard code == SQLITE_DONE else {
      throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
  }
}
