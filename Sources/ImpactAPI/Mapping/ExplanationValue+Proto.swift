public import Analytics

extension Impact_V1_ExplanationValue {
  /// The message of `value`; an absent value sets neither case, a word sets `text` and `key`.
  public init(_ value: ExplanationValue) {
    self.init()
    switch value {
    case .number(let number): kind = .number(number)
    case .text(let text): kind = .text(text)
    case .word(let text, let key):
      kind = .text(text)
      self.key = key
    case .absent: kind = nil
    }
  }
}
