public import Foundation
import ImpactStorage

/// What protects the stored portfolio from an import: how old the document is, and what the
/// caller agreed to lose.
public struct ImportSafeguards: Sendable, Hashable {
  /// The revision the document was exported at, when it carries one.
  public var documentRevision: Int64?
  /// When the document was made, for one without a revision (the files' modification time).
  public var documentTime: Date?
  /// Replace ratings and observed values newer than the document instead of refusing.
  public var overwriteNewer: Bool
  /// A replacement may delete more than half of the stored projects.
  public var confirmLargeDeletion: Bool

  public init(
    documentRevision: Int64? = nil,
    documentTime: Date? = nil,
    overwriteNewer: Bool = false,
    confirmLargeDeletion: Bool = false
  ) {
    self.documentRevision = documentRevision
    self.documentTime = documentTime
    self.overwriteNewer = overwriteNewer
    self.confirmLargeDeletion = confirmLargeDeletion
  }

  /// Safeguards that refuse nothing, for callers that own the whole store (tests, the demo).
  public static let none = ImportSafeguards(overwriteNewer: true, confirmLargeDeletion: true)

  /// Whether a value recorded at `stamp` is newer than the document. Without a revision or a
  /// time the document's age is unknown, and every recorded value counts as newer.
  func isNewer(_ stamp: RecordedValues.Stamp) -> Bool {
    if let documentRevision { return stamp.revision > documentRevision }
    if let documentTime { return stamp.at > documentTime }
    return true
  }
}
