/// One value of a closed list of the bank (a unit, a theme, a collection method, a frequency,
/// a disaggregation) with its label in both languages.
public struct BankVocabularyEntry: Sendable, Hashable, Codable {
  public var id: String
  public var label: LocalizedText

  public init(id: String, label: LocalizedText) {
    self.id = id
    self.label = label
  }
}
