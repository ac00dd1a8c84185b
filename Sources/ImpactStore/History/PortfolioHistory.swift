public import Analytics
public import Foundation
import ImpactStorage

/// The portfolio's past, read from the database: states at a snapshot, a revision, an instant
/// or a date, rebuilt from the journal or decoded from a snapshot's documents, kept in a
/// bounded cache.
///
/// Every read of history goes through here. The blocking SQLite reads and the CPU-bound
/// rebuild run on a queue of their own, never on a thread of Swift's cooperative pool.
public final class PortfolioHistory: Sendable {
  let storage: any PortfolioStorage
  let cache: HistoryCache
  private let queue = DispatchQueue(label: "impactd-history", qos: .userInitiated, attributes: .concurrent)
  private let now: @Sendable () -> Date

  init(
    storage: any PortfolioStorage, cache: HistoryCache = HistoryCache(), now: @escaping @Sendable () -> Date = Date.init
  ) {
    self.storage = storage
    self.cache = cache
    self.now = now
  }

  /// Runs `body` on the history queue and waits for it without holding a cooperative thread.
  package func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async { continuation.resume(with: Result { try body() }) }
    }
  }

  /// The portfolio at `point`, scored with the scheme `choice` says, as the daemon would
  /// have answered then; `current` is the portfolio as it stands.
  /// - Throws: ``HistoryError`` for an unknown snapshot, a revision beyond `current`'s or a
  ///   moment in the future; ``StoreError/schemeIncompatible(_:)`` when today's scheme cannot
  ///   score the past projects; ``StorageError`` when the database cannot be read.
  public func state(
    at point: PointInTime, scheme choice: SchemeChoice = .then, current: PortfolioSnapshot
  ) async throws -> PortfolioSnapshot {
    // Now, under today's scheme either way.
    if point == .now || point == .revision(current.revision) { return current }
    return try await offPool { [self] in
      let (key, base) = try self.baseState(at: point, current: current)
      guard choice == .current, base.scheme != current.scheme else { return base }
      let rescoredKey = HistoryCache.Key.rescored(key, current.scheme)
      if let cached = cache.value(rescoredKey) { return cached }
      if let error = Validator(scheme: current.scheme).validationError(for: base.projects) {
        throw StoreError.schemeIncompatible(error)
      }
      let rescored = PortfolioSnapshot(
        revision: base.revision, committedAt: base.committedAt, scheme: current.scheme, projects: base.projects)
      cache.store(rescored, for: rescoredKey)
      return rescored
    }
  }

  /// The revision `point` stands for (a snapshot's frozen revision), checked.
  public func revision(of point: PointInTime, current: PortfolioSnapshot) async throws -> Int64 {
    try await offPool { [self] in
      if case .snapshot(let name) = point {
        guard let stored = try storage.snapshot(named: name, documents: false) else {
          throw HistoryError.snapshotNotFound(name)
        }
        return stored.revision
      }
      return try self.resolvedRevision(point, current: current)
    }
  }

  /// The state of `point` with the scheme then active, and its cache key.
  private func baseState(
    at point: PointInTime, current: PortfolioSnapshot
  ) throws -> (HistoryCache.Key, PortfolioSnapshot) {
    if case .snapshot(let name) = point {
      guard let summary = try storage.snapshot(named: name, documents: false) else {
        throw HistoryError.snapshotNotFound(name)
      }
      let key = HistoryCache.Key.snapshot(name: name, createdRevision: summary.createdRevision)
      if let cached = cache.value(key) { return (key, cached) }
      guard let stored = try storage.snapshot(named: name, documents: true) else {
        throw HistoryError.snapshotNotFound(name)
      }
      let state = try Self.decode(stored)
      cache.store(state, for: key)
      return (key, state)
    }
    let revision = try resolvedRevision(point, current: current)
    let key = HistoryCache.Key.revision(revision)
    if revision == current.revision { return (key, current) }
    if let cached = cache.value(key) { return (key, cached) }
    let state = try rebuild(revision)
    cache.store(state, for: key)
    return (key, state)
  }

  /// The revision an instant, a date or a revision stands for.
  private func resolvedRevision(_ point: PointInTime, current: PortfolioSnapshot) throws -> Int64 {
    switch point {
    case .now, .snapshot:
      return current.revision
    case .revision(let revision):
      guard revision >= 0, revision <= current.revision else {
        throw HistoryError.revisionOutOfRange(requested: revision, current: current.revision)
      }
      return revision
    case .time(let time):
      guard time <= now() else { throw HistoryError.inTheFuture(StoredTimestamp.text(time)) }
      return min(try storage.revision(committedAtOrBefore: time), current.revision)
    case .date(let text):
      guard let day = DayBounds(text) else { throw HistoryError.invalidDate(text) }
      let instant = now()
      guard day.start <= instant else { throw HistoryError.inTheFuture(text) }
      // The end of the day, or now for today.
      let last = min(day.end.addingTimeInterval(-0.001), instant)
      return min(try storage.revision(committedAtOrBefore: last), current.revision)
    }
  }

  /// Keeps the state a snapshot just froze, so that reading it right after costs nothing.
  func remember(_ state: PortfolioSnapshot, forSnapshot name: String, createdRevision: Int64) {
    cache.store(state, for: .snapshot(name: name, createdRevision: createdRevision))
  }

  /// The portfolio at `revision`, replayed from the latest state at or before it: a cached
  /// one, a checkpoint or a snapshot, or else the empty store.
  private func rebuild(_ revision: Int64) throws -> PortfolioSnapshot {
    let cached = cache.latest(atOrBefore: revision).map {
      JournalReplay(revision: $0.revision, scheme: $0.scheme, projects: $0.projects)
    }
    let replay = try storage.replayed(to: revision, from: cached)
    return PortfolioSnapshot(
      revision: revision, committedAt: try storage.commitTime(ofRevision: revision), scheme: replay.scheme,
      projects: Array(replay.projects.values))
  }

  /// A checkpoint's or a snapshot's state, from its stored documents.
  static func decode(_ stored: FrozenState, committedAt: Date? = nil) throws -> PortfolioSnapshot {
    let (scheme, projects) = try stored.decoded()
    return PortfolioSnapshot(revision: stored.revision, committedAt: committedAt, scheme: scheme, projects: projects)
  }

  /// A snapshot's state, from its frozen documents (JSON for a snapshot made before schema v9).
  static func decode(_ stored: StoredSnapshot) throws -> PortfolioSnapshot {
    guard stored.projectsDocument.isEmpty else {
      return try decode(
        FrozenState(
          revision: stored.revision, schemeDocument: stored.schemeDocument, projectsDocument: stored.projectsDocument,
          origin: .snapshot(name: stored.name)),
        committedAt: stored.revisionCommittedAt)
    }
    do {
      let scheme = try SchemeJSON.decode(Data(stored.schemeDocument.utf8), source: "snapshot \(stored.name)")
      let document = try PortfolioJSON.decode(Data(stored.portfolioDocument.utf8), source: "snapshot \(stored.name)")
      return PortfolioSnapshot(
        revision: stored.revision, committedAt: stored.revisionCommittedAt, scheme: scheme, projects: document.projects)
    } catch {
      throw StorageError.unreadableValue(
        table: "snapshots", key: stored.name, column: "portfolio_document", detail: "\(error)")
    }
  }
}
