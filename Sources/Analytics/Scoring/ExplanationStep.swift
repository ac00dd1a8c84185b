/// One step of a score explanation: which quantity, by which formula, from which inputs, with
/// which result.
public struct ExplanationStep: Sendable, Hashable {
  /// What is computed, e.g. `outcome emploi-durable: scale S`.
  public var quantity: String
  /// The formula, in the symbols of the method.
  public var formula: String
  public var inputs: [ExplanationInput]
  public var result: ExplanationValue
  /// Why the result is what it is when the formula alone does not say (an absent input, a gate).
  public var note: String?

  public init(
    quantity: String,
    formula: String,
    inputs: [ExplanationInput],
    result: ExplanationValue,
    note: String? = nil
  ) {
    self.quantity = quantity
    self.formula = formula
    self.inputs = inputs
    self.result = result
    self.note = note
  }

  /// The step on a few English lines.
  public var text: String {
    var lines = ["\(quantity) = \(result)", "  formula: \(formula)"]
    if !inputs.isEmpty {
      lines.append("  inputs: " + inputs.map { "\($0.name) = \($0.value)" }.joined(separator: ", "))
    }
    if let note {
      lines.append("  note: \(note)")
    }
    return lines.joined(separator: "\n")
  }
}
