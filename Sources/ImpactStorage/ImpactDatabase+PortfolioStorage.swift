package import Foundation

/// The embedded SQLite store as a ``PortfolioStorage``: one daemon per file (``DatabaseLock``),
/// so no other writer can commit behind the store's back and the basis of a change is never
/// stale.
extension ImpactDatabase: PortfolioStorage {
  package var location: String { path ?? ":memory:" }

  package var isReadOnly: Bool { configuration.readOnly }

  package var isShared: Bool { false }

  package func commit(_ change: StoredChange, context: ChangeContext, basis: CommitBasis) throws -> CommitReceipt {
    try commit(change, context: context)
  }

  package func writeImport(
    replace: Bool, context: ChangeContext, basis: CommitBasis,
    _ body: (any ImportWriting) throws -> ImportTransaction.End?
  ) throws -> CommitReceipt? {
    try writeImport(replace: replace, context: context) { transaction in try body(transaction) }
  }
}

extension ImportTransaction: ImportWriting {}
