public import Analytics

extension Impact_V1_LocalizedText {
  /// The message of `text`.
  public init(_ text: LocalizedText) {
    self.init()
    fr = text.fr
    en = text.en
  }
}

extension LocalizedText {
  /// The text `proto` holds; an unset message reads as two empty strings.
  public init(proto: Impact_V1_LocalizedText) {
    self.init(fr: proto.fr, en: proto.en)
  }
}
