/// An impact domain of a scheme (basic needs, health, employment, ...).
public struct Domain: Sendable, Hashable {
  public var id: String
  /// Strategic domains count towards coverage and gaps.
  public var strategic: Bool
  public var label: LocalizedText

  public init(id: String, strategic: Bool = true, label: LocalizedText) {
    self.id = id
    self.strategic = strategic
    self.label = label
  }
}
