public import Analytics

extension Impact_V1_NamedValue {
  /// The message of `input`.
  public init(_ input: ExplanationInput) {
    self.init()
    name = input.name
    value = Impact_V1_ExplanationValue(input.value)
    if let key = input.key { self.key = key }
    if let argument = input.argument { self.argument = argument }
  }
}
