/// One step of a score explanation: which quantity, by which formula, from which inputs, with
/// which result.
///
/// `quantity`, `formula` and `note` are English; `key`, `parameters` and `noteKey` say the same
/// thing in stable terms, so that a client can word the step in its own language.
public struct ExplanationStep: Sendable, Hashable {
  /// What is computed, e.g. `outcome emploi-durable: scale S`.
  public var quantity: String
  /// The formula, in the symbols of the method.
  public var formula: String
  public var inputs: [ExplanationInput]
  public var result: ExplanationValue
  /// Why the result is what it is when the formula alone does not say (an absent input, a gate).
  public var note: String?
  /// What is computed, in stable terms (`outcome.scale`, `composite`): names the quantity and
  /// the formula together (the depth of an outcome has one key per way of computing it).
  public var key: String
  /// The ids and values that the quantity, the formula or the note quote (`outcome`,
  /// `criterion`, `class`, `spread`, the evidence levels...).
  public var parameters: [ExplanationInput]
  /// The note in stable terms (`depth_class`, `unrated`); nil when there is no note.
  public var noteKey: String?

  public init(
    key: String,
    quantity: String,
    formula: String,
    inputs: [ExplanationInput],
    result: ExplanationValue,
    note: String? = nil,
    noteKey: String? = nil,
    parameters: [ExplanationInput] = []
  ) {
    self.key = key
    self.quantity = quantity
    self.formula = formula
    self.inputs = inputs
    self.result = result
    self.note = note
    self.noteKey = note == nil ? nil : noteKey
    self.parameters = parameters
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
