public import Analytics

extension Impact_V1_ExplanationStep {
  /// The message of `step`.
  public init(_ step: ExplanationStep) {
    self.init()
    quantity = step.quantity
    formula = step.formula
    inputs = step.inputs.map { Impact_V1_NamedValue($0) }
    result = Impact_V1_ExplanationValue(step.result)
    if let note = step.note { self.note = note }
    text = step.text
    key = step.key
    parameters = step.parameters.map { Impact_V1_NamedValue($0) }
    if let noteKey = step.noteKey { self.noteKey = noteKey }
  }
}
