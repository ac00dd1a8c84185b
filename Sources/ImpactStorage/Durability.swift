/// How hard a commit works to survive a crash: SQLite's `synchronous` pragma on the WAL database.
///
/// The daemon acknowledges a change only after its commit, so `full` is the default: an
/// acknowledged change is never lost. See `docs/storage.md`.
public enum Durability: String, Sendable, Hashable, CaseIterable {
  /// `PRAGMA synchronous = FULL`: the WAL is synced at every commit, so a committed change
  /// survives a crash of the daemon, of the operating system, or a power loss.
  case full
  /// `PRAGMA synchronous = NORMAL` (GRDB's default for WAL): the WAL is synced only at
  /// checkpoints. A committed change survives a crash of the daemon, but the latest commits may
  /// be lost (never corrupted) on a power loss or an OS crash. Faster on slow disks.
  case normal

  /// The value of `PRAGMA synchronous` for this durability.
  var pragmaValue: String {
    switch self {
    case .full: "FULL"
    case .normal: "NORMAL"
    }
  }
}
