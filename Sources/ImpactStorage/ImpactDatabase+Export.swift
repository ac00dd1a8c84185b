package import Foundation
import GRDB

/// One stored value as SQLite gives it, for copying a table to another store.
package enum StoredValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case bytes([UInt8])

  /// How many bytes it takes, roughly (to size a batch).
  package var size: Int {
    switch self {
    case .null, .integer, .real: 8
    case .text(let text): text.utf8.count
    case .bytes(let bytes): bytes.count
    }
  }
}

extension ImpactDatabase {
  /// The rows of `table`, the values of `columns`, in `order`, a batch at a time (at most
  /// `rows` rows or about `bytes` bytes): for `impactd migrate`, which copies the tables.
  /// - Throws: ``StorageError``, or what `body` throws.
  package func exportRows(
    table: String, columns: [String], order: String, rows: Int = 1_000, bytes: Int = 8 << 20,
    _ body: ([[StoredValue]]) throws -> Void
  ) throws {
    let sql = "SELECT \(columns.joined(separator: ", ")) FROM \(table) ORDER BY \(order)"
    var failure: (any Error)?
    do {
      try read { db in
        let cursor = try Row.fetchCursor(db, sql: sql)
        var batch: [[StoredValue]] = []
        var size = 0
        while let row = try cursor.next() {
          let values = (0..<columns.count).map { index -> StoredValue in
            switch (row[index] as DatabaseValue).storage {
            case .null: .null
            case .int64(let value): .integer(value)
            case .double(let value): .real(value)
            case .string(let value): .text(value)
            case .blob(let data): .bytes([UInt8](data))
            }
          }
          size += values.reduce(0) { $0 + $1.size }
          batch.append(values)
          if batch.count >= rows || size >= bytes {
            do { try body(batch) } catch {
              failure = error
              throw error
            }
            batch = []
            size = 0
          }
        }
        if !batch.isEmpty {
          do { try body(batch) } catch {
            failure = error
            throw error
          }
        }
      }
    } catch {
      throw failure ?? error
    }
  }
}
