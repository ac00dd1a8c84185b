import Foundation
import GRDB

extension ImpactDatabase {
  /// The framework of `version`, or the active one (the latest) when `version` is `nil`;
  /// `nil` when there is none.
  /// - Throws: ``StorageError``, ``StoredDataError``.
  public func framework(version: Int64? = nil) throws -> StoredFramework? {
    try read { db in
      let row =
        if let version {
          try Row.fetchOne(
            db, sql: "SELECT version, document, set_at, set_by, set_revision FROM frameworks WHERE version = ?",
            arguments: [version])
        } else {
          try Row.fetchOne(
            db,
            sql: "SELECT version, document, set_at, set_by, set_revision FROM frameworks ORDER BY version DESC LIMIT 1")
        }
      return row.map(Self.framework)
    }
  }

  /// Every version of the framework, the latest first, without their documents.
  public func frameworkVersions() throws -> [StoredFramework] {
    try read { db in
      try Row.fetchAll(
        db, sql: "SELECT version, '', set_at, set_by, set_revision FROM frameworks ORDER BY version DESC"
      ).map(Self.framework)
    }
  }

  private static func framework(_ row: Row) -> StoredFramework {
    StoredFramework(
      version: row[0], document: row[1], setAt: (row[2] as String?).flatMap(StoredTimestamp.date), setBy: row[3],
      revision: row[4])
  }
}
