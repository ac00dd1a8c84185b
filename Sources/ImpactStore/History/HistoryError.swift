/// Why a read of the past, or a snapshot change, was refused.
public enum HistoryError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No snapshot has this name (NOT_FOUND).
  case snapshotNotFound(String)
  /// A snapshot has this name already (ALREADY_EXISTS).
  case snapshotExists(String)
  /// A snapshot name that breaks the rules (INVALID_ARGUMENT).
  case invalidSnapshotName(String)
  /// A note over the limit (INVALID_ARGUMENT).
  case noteTooLong(Int)
  /// A revision beyond the current one, or negative (INVALID_ARGUMENT).
  case revisionOutOfRange(requested: Int64, current: Int64)
  /// An instant or a day in the future (INVALID_ARGUMENT).
  case inTheFuture(String)
  /// A date that is not `YYYY-MM-DD` with an optional offset (INVALID_ARGUMENT).
  case invalidDate(String)

  public var description: String {
    switch self {
    case .snapshotNotFound(let name):
      "no snapshot is named '\(name)' (impact snapshot list shows them)"
    case .snapshotExists(let name):
      "a snapshot is already named '\(name)'; choose another name or delete it first"
    case .invalidSnapshotName(let name):
      "'\(name)' is not a valid snapshot name: 1 to \(SnapshotName.maximumLength) letters, digits, '-', '_' or '.', "
        + "starting with a letter or a digit, and not of the form rev:N or a date"
    case .noteTooLong(let length):
      "the note has \(length) characters; at most \(SnapshotName.maximumNoteLength) are allowed"
    case .revisionOutOfRange(let requested, let current):
      "revision \(requested) does not exist: the portfolio's revisions run from 0 to \(current)"
    case .inTheFuture(let text):
      "\(text) is in the future: the history ends now"
    case .invalidDate(let text):
      "'\(text)' is not a date: write YYYY-MM-DD, optionally with an offset (2026-03-31+02:00)"
    }
  }
}

/// The rules of a snapshot's name and note (documented in docs/operations.md).
public enum SnapshotName {
  /// The longest name, in characters.
  public static let maximumLength = 64
  /// The longest note, in characters.
  public static let maximumNoteLength = 2_000

  /// Whether `name` may name a snapshot: 1 to 64 ASCII letters, digits, `-`, `_`, `.`,
  /// starting with a letter or digit, and not something `--at` reads otherwise (`rev:N`, a
  /// date or a date-time).
  public static func isValid(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard (1...maximumLength).contains(bytes.count) else { return false }
    func isAlphanumeric(_ byte: UInt8) -> Bool {
      (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }
    guard isAlphanumeric(bytes[0]) else { return false }
    guard
      bytes.allSatisfy({
        isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
      })
    else { return false }
    if DayBounds(name) != nil { return false }
    if name == "now" { return false }
    return true
  }
}
