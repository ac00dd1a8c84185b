package import Analytics
import Foundation
package import ImpactStorage
import NIOCore
import PostgresNIO

/// `impactd migrate`: a SQLite store copied whole into an empty PostgreSQL one, in one
/// transaction (a failure leaves the PostgreSQL database as it was).
extension PostgresStorage {
  /// How a column's values are written in PostgreSQL.
  enum ColumnKind {
    case integer, real, text, bytes, boolean
  }

  /// The tables copied, in order, with their columns and the order their rows are read in.
  /// The current projects (`projects`, `outcomes`, `risks`, `ratings`) are not copied: on
  /// PostgreSQL they are the journal replayed from the latest stored state.
  static let copiedTables: [(name: String, order: String, columns: [(String, ColumnKind)])] = [
    (
      "schemes", "id",
      [
        ("id", .text), ("document", .text), ("activated_at", .text), ("activated_revision", .integer),
        ("active", .boolean),
      ]
    ),
    (
      "rating_history", "id",
      [
        ("id", .integer), ("project_id", .text), ("criterion", .text), ("rater", .text), ("value", .real),
        ("comment", .text), ("rated_at", .text), ("revision", .integer),
      ]
    ),
    (
      "observations", "id",
      [
        ("id", .integer), ("project_id", .text), ("outcome_id", .text), ("value", .real), ("period", .text),
        ("source", .text), ("recorded_by", .text), ("recorded_at", .text), ("revision", .integer),
        ("forced", .boolean),
      ]
    ),
    (
      "credentials", "id",
      [
        ("id", .integer), ("kind", .text), ("name", .text), ("role", .text), ("token_id", .text),
        ("secret_sha256", .bytes), ("created_at", .text), ("revoked_at", .text),
      ]
    ),
    (
      "checkpoints", "revision",
      [
        ("revision", .integer), ("created_at", .text), ("project_count", .integer), ("scheme_document", .text),
        ("projects", .bytes),
      ]
    ),
    (
      "frameworks", "version",
      [
        ("version", .integer), ("document", .text), ("set_at", .text), ("set_by", .text), ("set_revision", .integer),
      ]
    ),
    (
      "journal", "revision",
      [
        ("revision", .integer), ("committed_at", .text), ("actor", .text), ("rpc_method", .text), ("kind", .text),
        ("project_ids", .text), ("revision_before", .integer), ("payload", .text), ("projects", .bytes),
      ]
    ),
    (
      "snapshots", "created_revision",
      [
        ("name", .text), ("note", .text), ("revision", .integer), ("revision_committed_at", .text),
        ("created_at", .text), ("created_by", .text), ("created_revision", .integer), ("scheme_id", .text),
        ("project_count", .integer), ("total_amount", .real), ("weighted_composite", .real), ("projects", .bytes),
        ("scheme_document", .text),
      ]
    ),
  ]

  /// What a migration copied, by table, and the revision.
  package struct MigrationCounts: Sendable {
    package var rows: [String: Int] = [:]
    package var revision: Int64 = 0
  }

  /// Copies every table of `source` into this database, which must hold no portfolio.
  /// - Throws: ``MigrationRefusal/notEmpty(revision:)`` before writing anything when it does;
  ///   ``StorageError`` for a failure of either store (nothing stays in PostgreSQL).
  package func copy(from source: ImpactDatabase) throws -> MigrationCounts {
    let head = try currentRevision()
    let journalRows = try read { connection, logger in
      try await connection.rows("SELECT COUNT(*) FROM journal", logger: logger).first?.decode(Int64.self) ?? 0
    }
    guard head == 0, journalRows == 0 else { throw MigrationRefusal.notEmpty(revision: head) }
    var counts = MigrationCounts()
    do {
      try writer.hold {
        try writer.runHeld { connection, logger in
          try await connection.query("BEGIN", logger: logger)
          // Every daemon's commit waits for the copy.
          _ = try await connection.rows("SELECT value FROM meta WHERE key = 'revision' FOR UPDATE", logger: logger)
        }
        do {
          for table in Self.copiedTables {
            let names = table.columns.map(\.0)
            // A snapshot made before schema v9 kept its projects as JSON: copied in binary.
            let read = table.name == "snapshots" ? names + ["portfolio_document"] : names
            try source.exportRows(table: table.name, columns: read, order: table.order) { batch in
              let rows = try table.name == "snapshots" ? batch.map(Self.binarySnapshot) : batch
              try insert(rows, into: table.name, columns: table.columns)
              counts.rows[table.name, default: 0] += rows.count
            }
          }
          counts.revision = try source.currentRevision()
          let revision = counts.revision
          try writer.runHeld { connection, logger in
            try await connection.query("UPDATE meta SET value = \(revision) WHERE key = 'revision'", logger: logger)
            for table in ["rating_history", "observations", "credentials"] {
              try await connection.execute(
                "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE((SELECT MAX(id) FROM \(table)), 0) + 1, false)",
                logger: logger)
            }
            try await connection.execute("NOTIFY \(Self.channel), '\(revision)'", logger: logger)
            try await connection.query("COMMIT", logger: logger)
          }
        } catch {
          rollBack()
          throw error
        }
      }
    } catch {
      throw storageError(error)
    }
    return counts
  }

  /// A snapshot row with its projects in binary, from its JSON document when it has only that.
  private static func binarySnapshot(_ row: [StoredValue]) throws -> [StoredValue] {
    var row = row
    let document = row.removeLast()
    guard case .null = row[11] else { return row }
    guard case .text(let json) = document, case .text(let name) = row[0] else {
      throw StorageError.unreadableValue(
        table: "snapshots", key: "\(row[0])", column: "projects", detail: "neither projects nor portfolio_document")
    }
    do {
      let projects = try PortfolioJSON.decode(Data(json.utf8), source: "snapshot \(name)").projects
      row[11] = .bytes(ProjectsBinary.encode(projects))
    } catch {
      throw StorageError.unreadableValue(
        table: "snapshots", key: name, column: "portfolio_document", detail: "\(error)")
    }
    return row
  }

  /// Inserts `rows` in one statement (inside the writer's open transaction).
  private func insert(_ rows: [[StoredValue]], into table: String, columns: [(String, ColumnKind)]) throws {
    guard !rows.isEmpty else { return }
    let insert = try MultiRowInsert(into: table, columns: columns.map(\.0), rows: rows.count) { index, binds in
      for (value, (name, kind)) in zip(rows[index], columns) {
        try Self.bind(value, as: kind, to: &binds, column: "\(table).\(name)")
      }
    }
    try writer.runHeld(timeout: .seconds(300)) { connection, logger in
      try await connection.execute(insert.sql, insert.bindings, logger: logger)
    }
  }

  private static func bind(
    _ value: StoredValue, as kind: ColumnKind, to binds: inout PostgresBindings, column: String
  )
    throws
  {
    switch (value, kind) {
    case (.null, _): binds.appendNull()
    case (.integer(let number), .integer): binds.append(number)
    case (.integer(let number), .real): binds.append(Double(number))
    case (.integer(let number), .boolean): binds.append(number != 0)
    case (.real(let number), .real): binds.append(number)
    case (.text(let text), .text): binds.append(text)
    case (.bytes(let bytes), .bytes): binds.append(ByteBuffer(bytes: bytes))
    case (.text(let text), .bytes): binds.append(ByteBuffer(string: text))
    case (.bytes(let bytes), .text): binds.append(String(decoding: bytes, as: UTF8.self))
    default:
      throw StorageError.unreadableValue(
        table: String(column.prefix { $0 != "." }), key: "", column: column, detail: "unexpected value \(value)")
    }
  }
}

/// Why `impactd migrate` refused to start.
package enum MigrationRefusal: Error, Equatable {
  /// The target already holds a portfolio.
  case notEmpty(revision: Int64)
}
