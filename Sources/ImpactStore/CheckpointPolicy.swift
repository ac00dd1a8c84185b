/// When the store writes a checkpoint, the whole state at a revision, so that reading a past
/// revision replays a bounded part of the journal (docs/storage.md, "How past states are
/// kept"): once the journal since the latest checkpoint or binary snapshot holds
/// ``journalBytes`` of payloads or ``revisions`` revisions, whichever comes first.
///
/// Replaying JSON payloads costs ~25 ms per MB and ~0.2 ms per revision on this machine, so the
/// defaults bound a replay to about a second on top of reading the checkpoint.
public struct CheckpointPolicy: Sendable, Hashable {
  public var journalBytes: Int64
  public var revisions: Int64

  public init(journalBytes: Int64 = 32 << 20, revisions: Int64 = 5_000) {
    self.journalBytes = journalBytes
    self.revisions = revisions
  }

  /// Whether the journal since the latest stored state is long enough for a checkpoint.
  func isDue(_ pending: (revisions: Int64, bytes: Int64)) -> Bool {
    pending.bytes >= journalBytes || pending.revisions >= revisions
  }
}
