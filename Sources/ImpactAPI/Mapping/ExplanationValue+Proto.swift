public import Analytics

extension Impact_V1_ExplanationValue {
  /// The message of `value`; an absent value sets neither case.
  public init(_ value: ExplanationValue) {
    self.init()
    switch value {
    case .number(let number): kind = .number(number)
    case .text(let text): kind = .text(text)
    case .absent: kind = nil
    }
  }
}
