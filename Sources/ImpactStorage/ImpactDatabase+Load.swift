import Dispatch
import GRDB
import Synchronization

extension ImpactDatabase {
  /// The whole stored portfolio at one revision, its projects in portfolio order.
  ///
  /// On a file database the ratings and risks (the largest tables) are read on a second
  /// connection while the projects and outcomes are read, and both reads are checked to be at
  /// the same revision.
  /// - Throws: ``StorageError/unreadableValue(table:key:column:detail:)`` for a value this
  ///   version cannot read, ``StorageError/database(code:message:)`` for an I/O error.
  public func loadState() throws -> StoredState {
    try loadState(order: .portfolio)
  }

  /// The whole stored portfolio at one revision, its projects in id order: what the daemon
  /// serves at start-up (its snapshot keeps projects by id, so no sort is needed).
  public func loadStateInIDOrder() throws -> StoredState {
    try loadState(order: .id)
  }

  private func loadState(order: PortfolioReader.ProjectOrder) throws -> StoredState {
    guard writer is DatabasePool else {
      return try read { db in
        try Self.assemble(
          PortfolioReader(db: db).mainPart(), PortfolioReader(db: db).childPart(), order: order)
      }
    }
    while true {
      let main = Mutex<Result<PortfolioReader.MainPart, any Error>?>(nil)
      let children = Mutex<Result<PortfolioReader.ChildPart, any Error>?>(nil)
      DispatchQueue.concurrentPerform(iterations: 2) { part in
        if part == 0 {
          let result = Result { try read { db in try PortfolioReader(db: db).mainPart() } }
          main.withLock { $0 = result }
        } else {
          let result = Result { try read { db in try PortfolioReader(db: db).childPart() } }
          children.withLock { $0 = result }
        }
      }
      guard let mainResult = main.withLock({ $0 }), let childResult = children.withLock({ $0 })
      else { continue }
      if let state = try PortfolioReader.assemble(mainResult.get(), childResult.get(), order: order) {
        return state
      }
    }
  }

  /// ``loadState()`` without blocking the caller's thread while SQLite reads.
  public func loadState() async throws -> StoredState {
    while true {
      async let main = read { db in try PortfolioReader(db: db).mainPart() }
      async let children = read { db in try PortfolioReader(db: db).childPart() }
      if let state = try await PortfolioReader.assemble(main, children, order: .portfolio) {
        return state
      }
    }
  }

  private static func assemble(
    _ main: PortfolioReader.MainPart, _ children: PortfolioReader.ChildPart,
    order: PortfolioReader.ProjectOrder
  ) throws -> StoredState {
    // One read transaction: both parts are at the same revision.
    guard let state = try PortfolioReader.assemble(main, children, order: order) else {
      throw StorageError.database(code: -1, message: "the read transaction saw two revisions")
    }
    return state
  }
}
