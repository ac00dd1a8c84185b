public import Analytics
public import Foundation
import GRDB

/// A streamed import's write transaction, open while its projects arrive: each chunk's rows
/// are written as soon as the store has checked it, and the journal row, the revision and the
/// commit come at the end. Until then nothing is visible to readers (they read the last
/// commit), and a refusal, an error or a client that goes away rolls every row back.
///
/// Only ``ImpactDatabase/writeImport(replace:context:_:)`` makes one, for the time of its body.
public final class ImportTransaction {
  private let db: Database
  private var rows: ImportRows
  /// The revision the import becomes if it commits.
  public let revision: Int64

  fileprivate init(db: Database, rows: ImportRows, revision: Int64) {
    self.db = db
    self.rows = rows
    self.revision = revision
  }

  /// Writes the next projects of the document; `changed` says which differ from the stored
  /// ones (see ``StoredChange/replacePortfolio(_:scheme:changed:)``).
  /// - Throws: ``StorageError``, naming the project when a row is refused.
  public func write(_ projects: some Collection<Project>, changed: (Project) -> Bool) throws {
    try rows.write(projects, changed: changed)
  }

  /// When the current ratings and latest observations of `projectIDs` were recorded, as the
  /// transaction sees them: read before a chunk replaces them.
  public func recordedValues(of projectIDs: [String]) throws -> [String: RecordedValues] {
    try ImpactDatabase.recordedValues(of: projectIDs, in: db)
  }

  fileprivate func finish(_ end: ImportTransaction.End) throws -> PortfolioWriter.Written {
    try rows.finish(scheme: end.scheme, journalDocument: end.journalDocument())
  }

  /// How a streamed import ends when it commits.
  public struct End {
    /// The scheme a replacement adopts with its projects.
    public var scheme: Scheme?
    /// The journal's `impact-projects-bin/1` document: every project of a replacement, the
    /// written ones of an upsert, in document order. Called once, at the end.
    public var journalDocument: () -> [UInt8]

    public init(scheme: Scheme?, journalDocument: @escaping () -> [UInt8]) {
      self.scheme = scheme
      self.journalDocument = journalDocument
    }
  }
}

extension ImpactDatabase {
  /// Runs a streamed import in one write transaction on the writer connection: `body` writes
  /// the projects through the ``ImportTransaction`` as they arrive and returns how the import
  /// ends; the journal row and the revision follow and the transaction commits (synced, with
  /// ``Durability/full``) before this returns. When `body` returns `nil` (the import changes
  /// nothing) or throws, everything is rolled back and nothing is committed.
  ///
  /// The writer connection is held for the whole of `body`: the caller is the store's one
  /// writer, and keeps `body` short of waiting without bound.
  /// - Throws: what `body` throws, as thrown; ``StorageError`` for the database's own failures.
  public func writeImport(
    replace: Bool, context: ChangeContext, _ body: (ImportTransaction) throws -> ImportTransaction.End?
  ) throws -> CommitReceipt? {
    // The body's own errors (the store's refusals) travel through GRDB unchanged.
    var refusal: (any Error)?
    do {
      return try writer.writeWithoutTransaction { db -> CommitReceipt? in
        var receipt: CommitReceipt?
        try db.inTransaction(.immediate) {
          let current = try Self.currentRevision(in: db)
          let revision = current + 1
          let committedAt = StoredTimestamp.normalized(context.at)
          let timestamp = StoredTimestamp.text(committedAt)
          let writer = PortfolioWriter(db: db, revision: revision, timestamp: timestamp)
          let transaction = ImportTransaction(
            db: db, rows: try ImportRows(writer: writer, replace: replace), revision: revision)
          let end: ImportTransaction.End?
          do {
            end = try body(transaction)
          } catch let error as StorageError {
            throw error
          } catch let error as DatabaseError {
            throw error
          } catch {
            refusal = error
            throw error
          }
          guard let end else { return .rollback }
          let written = try transaction.finish(end)
          receipt = try Self.appendJournal(
            written, kind: replace ? .replacePortfolio : .upsertProjects, revision: revision, before: current,
            timestamp: timestamp, committedAt: committedAt, context: context, in: db)
          return .commit
        }
        return receipt
      }
    } catch {
      if let refusal { throw refusal }
      throw commitFailure(error)
    }
  }
}
