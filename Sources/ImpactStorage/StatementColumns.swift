import GRDB
import GRDBSQLite

/// The columns of the current row of a statement, read straight from SQLite: no type check
/// for a value the schema declares NOT NULL, and text decoded from its byte count (no
/// `strlen`). The loader reads some 1.7 million rows at start-up, so this is its inner loop.
///
/// Valid between one step of the statement and the next; `table` and `key` name the row in
/// the error for a NULL where the schema forbids one.
struct StatementColumns {
  private let statement: SQLiteStatement
  let table: String

  init(_ statement: Statement, table: String) {
    self.statement = statement.sqliteStatement
    self.table = table
  }

  /// A NOT NULL text column.
  func text(_ column: Int32, key: @autoclosure () -> String, name: String) throws -> String {
    try required(optionalText(column), key: key(), name: name)
  }

  func optionalText(_ column: Int32) -> String? {
    withBytes(column) { String(decoding: $0, as: UTF8.self) }
  }

  /// A NOT NULL text column of few distinct values, shared through `interner`.
  func text(
    _ column: Int32, interner: inout TextInterner, key: @autoclosure () -> String, name: String
  ) throws -> String {
    try required(optionalText(column, interner: &interner), key: key(), name: name)
  }

  func optionalText(_ column: Int32, interner: inout TextInterner) -> String? {
    withBytes(column) { interner.text($0) }
  }

  private func required(_ value: String?, key: @autoclosure () -> String, name: String) throws -> String {
    guard let value else {
      throw StorageError.unreadableValue(table: table, key: key(), column: name, detail: "NULL")
    }
    return value
  }

  private func withBytes(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> String) -> String? {
    // NULL is the only value for which SQLite returns no text.
    guard let bytes = sqlite3_column_text(statement, column) else { return nil }
    let count = Int(sqlite3_column_bytes(statement, column))
    return body(UnsafeBufferPointer(start: bytes, count: count))
  }

  /// A NOT NULL real column (an integer is converted, as SQLite does).
  func double(_ column: Int32) -> Double {
    sqlite3_column_double(statement, column)
  }

  func optionalDouble(_ column: Int32) -> Double? {
    isNull(column) ? nil : sqlite3_column_double(statement, column)
  }

  /// A NOT NULL integer column.
  func integer(_ column: Int32) -> Int64 {
    sqlite3_column_int64(statement, column)
  }

  func optionalInteger(_ column: Int32) -> Int64? {
    isNull(column) ? nil : sqlite3_column_int64(statement, column)
  }

  private func isNull(_ column: Int32) -> Bool {
    sqlite3_column_type(statement, column) == SQLITE_NULL
  }
}
