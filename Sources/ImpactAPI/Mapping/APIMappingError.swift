/// A message a client sent that has no Analytics counterpart: an enum left unspecified or
/// outside its known values, or a required message left out.
///
/// `fieldPath` names the field as the client wrote it (`project.outcomes[2].direction`), so the
/// daemon can answer INVALID_ARGUMENT with it.
public struct APIMappingError: Error, Hashable, CustomStringConvertible {
  /// The ``rule`` of an error made from free text.
  public static let otherRule = "invalid"

  /// The path of the offending field, in proto field names (`project.outcomes[2].direction`).
  public var fieldPath: String
  /// What is wrong with it.
  public var reason: String
  /// Which kind of problem it is (`required`, `unspecified`, `unknown_enum_value`, `one_of`),
  /// so the daemon can say it in another language; ``otherRule`` for free text.
  public var rule: String
  /// The values `reason` quotes, by name (`value`, `choices`).
  public var values: [String: String]

  public init(fieldPath: String, reason: String) {
    self.init(fieldPath: fieldPath, reason: reason, rule: Self.otherRule)
  }

  init(fieldPath: String, reason: String, rule: String, values: [String: String] = [:]) {
    self.fieldPath = fieldPath
    self.reason = reason
    self.rule = rule
    self.values = values
  }

  public var description: String {
    "\(fieldPath): \(reason)"
  }

  /// Two errors are the same when they name the same field and say the same thing; ``rule``
  /// and ``values`` only restate `reason`.
  public static func == (left: APIMappingError, right: APIMappingError) -> Bool {
    left.fieldPath == right.fieldPath && left.reason == right.reason
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(fieldPath)
    hasher.combine(reason)
  }

  static func unspecified(_ fieldPath: String) -> APIMappingError {
    APIMappingError(
      fieldPath: fieldPath, reason: "must be set (the UNSPECIFIED value is not allowed)", rule: "unspecified")
  }

  static func unrecognized(_ fieldPath: String, value: Int) -> APIMappingError {
    APIMappingError(
      fieldPath: fieldPath, reason: "unknown enum value \(value)", rule: "unknown_enum_value",
      values: ["value": "\(value)"])
  }

  static func missing(_ fieldPath: String) -> APIMappingError {
    APIMappingError(fieldPath: fieldPath, reason: "is required", rule: "required")
  }

  static func oneOf(_ fieldPath: String, _ choices: [String]) -> APIMappingError {
    let list = choices.joined(separator: ", ")
    return APIMappingError(
      fieldPath: fieldPath, reason: "one of \(list) is required", rule: "one_of", values: ["choices": list])
  }
}
