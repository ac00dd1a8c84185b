import Dispatch
import GRDB
import Synchronization

extension ImpactDatabase {
  /// The whole stored portfolio at one revision: what the daemon serves at start-up.
  ///
  /// On a file database the ratings (the largest table) are read on a second connection while
  /// the rest is read, and both reads are checked to be at the same revision.
  /// - Throws: ``StorageError/unreadableValue(table:key:column:detail:)`` for a value this
  ///   version cannot read, ``StorageError/database(code:message:)`` for an I/O error.
  public func loadState() throws -> StoredState {
    guard writer is DatabasePool else {
      return try read { db in
        try Self.assemble(PortfolioReader(db: db).mainPart(), PortfolioReader(db: db).ratingPart())
      }
    }
    while true {
      let main = Mutex<Result<PortfolioReader.MainPart, any Error>?>(nil)
      let ratings = Mutex<Result<PortfolioReader.RatingPart, any Error>?>(nil)
      DispatchQueue.concurrentPerform(iterations: 2) { part in
        if part == 0 {
          let result = Result { try read { db in try PortfolioReader(db: db).mainPart() } }
          main.withLock { $0 = result }
        } else {
          let result = Result { try read { db in try PortfolioReader(db: db).ratingPart() } }
          ratings.withLock { $0 = result }
        }
      }
      guard let mainResult = main.withLock({ $0 }), let ratingResult = ratings.withLock({ $0 })
      else { continue }
      if let state = try PortfolioReader.assemble(mainResult.get(), ratingResult.get()) {
        return state
      }
    }
  }

  /// ``loadState()`` without blocking the caller's thread while SQLite reads.
  public func loadState() async throws -> StoredState {
    while true {
      async let main = read { db in try PortfolioReader(db: db).mainPart() }
      async let ratings = read { db in try PortfolioReader(db: db).ratingPart() }
      if let state = try await PortfolioReader.assemble(main, ratings) {
        return state
      }
    }
  }

  private static func assemble(
    _ main: PortfolioReader.MainPart, _ ratings: PortfolioReader.RatingPart
  ) throws -> StoredState {
    // One read transaction: both parts are at the same revision.
    guard let state = try PortfolioReader.assemble(main, ratings) else {
      throw StorageError.database(code: -1, message: "the read transaction saw two revisions")
    }
    return state
  }
}
