/// A public threshold an indicator is usually read against: the poverty line, a housing cost
/// ratio above one third of income. `value` is in the indicator's unit, when the threshold is
/// one number in that unit; `text` says where it comes from.
public struct IndicatorThreshold: Sendable, Hashable, Codable {
  public var value: Double?
  public var text: LocalizedText

  public init(value: Double?, text: LocalizedText) {
    self.value = value
    self.text = text
  }
}
