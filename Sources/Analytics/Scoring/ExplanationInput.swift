/// A named input of an explanation step, with the value it had.
public struct ExplanationInput: Sendable, Hashable {
  /// The name in English, as the formula uses it (`reach`, `share(emploi)`, `w_S`).
  public var name: String
  public var value: ExplanationValue
  /// A stable key for a name that is a word (`reach`, `evidence_level`, `share`), so that a
  /// client can word it in its language; nil for a symbol (`w_S`, `K`) or an id (a risk).
  public var key: String?
  /// The id or number a keyed name is about (`emploi` in `share(emploi)`, `2` in `rating 2`).
  public var argument: String?

  public init(_ name: String, _ value: ExplanationValue, key: String? = nil, argument: String? = nil) {
    self.name = name
    self.value = value
    self.key = key
    self.argument = argument
  }

  public init(_ name: String, _ value: Double?, key: String? = nil, argument: String? = nil) {
    self.init(name, ExplanationValue(value), key: key, argument: argument)
  }

  /// An input whose name is the word `key` in English (`reach`, `deadweight`).
  static func word(_ key: String, _ value: Double?) -> ExplanationInput {
    ExplanationInput(key, value, key: key)
  }

  /// An input named `key(id)` in English (`share(emploi)`), worded by `key` with `id` as argument.
  static func of(_ key: String, _ id: String, _ value: ExplanationValue) -> ExplanationInput {
    ExplanationInput("\(key)(\(id))", value, key: "\(key)_of", argument: id)
  }
}
