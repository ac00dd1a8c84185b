/// A named input of an explanation step, with the value it had.
public struct ExplanationInput: Sendable, Hashable {
  public var name: String
  public var value: ExplanationValue

  public init(_ name: String, _ value: ExplanationValue) {
    self.name = name
    self.value = value
  }

  public init(_ name: String, _ value: Double?) {
    self.init(name, ExplanationValue(value))
  }
}
