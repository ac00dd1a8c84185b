public import Foundation

/// One version of the organisation's framework as stored in the `frameworks` table: the
/// `impact-framework/1` document, who set it, when, and at which revision.
public struct StoredFramework: Sendable, Hashable {
  /// 1 for the first framework set, then one more at each.
  public var version: Int64
  /// The JSON document; empty when a list of versions did not read it.
  public var document: String
  public var setAt: Date?
  public var setBy: String
  /// The revision its change made.
  public var revision: Int64

  public init(version: Int64, document: String, setAt: Date?, setBy: String, revision: Int64) {
    self.version = version
    self.document = document
    self.setAt = setAt
    self.setBy = setBy
    self.revision = revision
  }
}
