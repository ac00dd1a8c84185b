public import Foundation
public import ImpactStorage

/// A stored value an import replaces or removes: what the person importing must see before
/// they undo a committee's rating or an observed value.
public struct ReplacedValue: Sendable, Hashable {
  /// Which value.
  public enum Kind: Sendable, Hashable {
    /// A rater's rating of a criterion.
    case rating(criterion: String, rater: String)
    /// An outcome's observed value (`actual`).
    case actual(outcomeID: String)
    /// The project's amount.
    case amount
  }

  public var kind: Kind
  /// The stored value; `nil` when unset (an outcome without an actual).
  public var before: Double?
  /// The document's value; `nil` when the import removes or leaves it unset.
  public var after: Double?
  /// When the stored value was recorded, when the store knows.
  public var recorded: RecordedValues.Stamp?
  /// Recorded after the document was made: replacing it would undo newer work.
  public var newer: Bool

  public init(kind: Kind, before: Double?, after: Double?, recorded: RecordedValues.Stamp? = nil, newer: Bool = false) {
    self.kind = kind
    self.before = before
    self.after = after
    self.recorded = recorded
    self.newer = newer
  }
}
