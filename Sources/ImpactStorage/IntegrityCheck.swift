/// How thoroughly ``ImpactDatabase/open(atPath:configuration:)`` checks the file before it is
/// served (`integrity`, `--integrity`, `IMPACTD_INTEGRITY`).
///
/// A damaged file is refused with ``DatabaseRefusal/damaged(path:check:problems:)``: serving it
/// would acknowledge writes into a file that later fails to read.
public enum IntegrityCheck: String, Sendable, Hashable, CaseIterable {
  /// `PRAGMA integrity_check`: every page, every index entry against its table. Reads the
  /// whole file and every index; the slowest.
  case full
  /// `PRAGMA quick_check`: every page and record, without matching indexes to tables. The
  /// default: a few seconds on the largest portfolios.
  case quick
  /// No check: the file is served as it is.
  case off

  /// The pragma that runs the check, asking for at most `limit` problems; `nil` for ``off``.
  func pragma(limit: Int) -> String? {
    switch self {
    case .full: "PRAGMA integrity_check(\(limit))"
    case .quick: "PRAGMA quick_check(\(limit))"
    case .off: nil
    }
  }
}
