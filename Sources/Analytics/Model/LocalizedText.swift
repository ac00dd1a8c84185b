/// A label in the two languages the organisation works in.
public struct LocalizedText: Sendable, Hashable {
  public var fr: String
  public var en: String

  public init(fr: String, en: String) {
    self.fr = fr
    self.en = en
  }

  /// The text in `language` (`"fr"` or `"en"`); English for any other code.
  public func text(in language: String) -> String {
    language == "fr" ? fr : en
  }
}
