import Analytics
import Synchronization

/// A bounded least-recently-used cache of past states, so that a state read repeatedly (a
/// committee looking at last quarter) is rebuilt once.
///
/// Two bounds: at most ``maximumEntries`` states, and at most ``maximumProjects`` projects over
/// every cached state (a scored project takes about 4 KiB in memory, see docs/storage.md). A
/// state larger than the project bound on its own is answered but not kept.
final class HistoryCache: Sendable {
  /// What a cached state is the state of.
  enum Key: Hashable, Sendable {
    /// The portfolio at a revision, with the scheme then active.
    case revision(Int64)
    /// A snapshot, identified by its name and the revision that created it (a name deleted and
    /// taken again is another snapshot).
    case snapshot(name: String, createdRevision: Int64)
    /// Another key's state scored with another scheme (`--scheme current`).
    indirect case rescored(Key, Scheme)
  }

  let maximumEntries: Int
  let maximumProjects: Int
  private let state: Mutex<Entries>

  private struct Entries: ~Copyable {
    var values: [Key: (snapshot: PortfolioSnapshot, lastUse: UInt64)] = [:]
    var clock: UInt64 = 0
    var projects = 0
    var hits = 0
    var misses = 0
  }

  init(maximumEntries: Int = 16, maximumProjects: Int = 400_000) {
    self.maximumEntries = maximumEntries
    self.maximumProjects = maximumProjects
    self.state = Mutex(Entries())
  }

  func value(_ key: Key) -> PortfolioSnapshot? {
    state.withLock { entries in
      entries.clock += 1
      guard var entry = entries.values[key] else {
        entries.misses += 1
        return nil
      }
      entries.hits += 1
      entry.lastUse = entries.clock
      entries.values[key] = entry
      return entry.snapshot
    }
  }

  /// Forgets every state (the shared database went back: its past may be another).
  func removeAll() {
    state.withLock { entries in
      entries.values.removeAll()
      entries.projects = 0
    }
  }

  func store(_ snapshot: PortfolioSnapshot, for key: Key) {
    let size = snapshot.projects.count
    guard size <= maximumProjects, maximumEntries > 0 else { return }
    state.withLock { entries in
      entries.clock += 1
      if let old = entries.values[key] { entries.projects -= old.snapshot.projects.count }
      entries.values[key] = (snapshot, entries.clock)
      entries.projects += size
      while entries.values.count > maximumEntries || entries.projects > maximumProjects {
        guard let oldest = entries.values.min(by: { $0.value.lastUse < $1.value.lastUse }) else { break }
        entries.values[oldest.key] = nil
        entries.projects -= oldest.value.snapshot.projects.count
      }
    }
  }

  /// The cached state with the latest revision at or before `revision`, with the scheme then
  /// active: where a replay to `revision` may start.
  func latest(atOrBefore revision: Int64) -> PortfolioSnapshot? {
    state.withLock { entries in
      var best: PortfolioSnapshot?
      for (key, entry) in entries.values {
        // A snapshot's state is its revision's, with the scheme then active.
        switch key {
        case .revision, .snapshot: break
        case .rescored: continue
        }
        let cached = entry.snapshot.revision
        guard cached <= revision else { continue }
        if best.map({ $0.revision < cached }) ?? true { best = entry.snapshot }
      }
      return best
    }
  }

  /// The number of cached states, the projects they hold, and the hits and misses so far.
  var statistics: (entries: Int, projects: Int, hits: Int, misses: Int) {
    state.withLock { ($0.values.count, $0.projects, $0.hits, $0.misses) }
  }
}
