/// An effect an action in a domain is expected to have (people eat enough, households keep
/// their home), with the bank indicators that measure it.
public struct ExpectedEffect: Sendable, Hashable, Codable {
  public var id: String
  /// The domain id of the default scheme the effect belongs to.
  public var domain: String
  public var name: LocalizedText
  /// Ids of bank indicators, in the order they are best read.
  public var indicators: [String]
}
