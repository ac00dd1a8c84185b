import Analytics

/// Refuses a text of a request that is longer than its limit (``TextLimits``) or holds a
/// control character, naming the field and the limit: for the texts of a request that the
/// validator does not see (an observation's fields, filter values, a search query).
enum RequestText {
  /// Most values one filter list (`programmes`, `territories`, `domains`, `statuses`) may hold.
  static let maximumFilterValues = 100

  /// Throws INVALID_ARGUMENT when `text` is over `limit` code points or holds a forbidden
  /// character (rules `text_too_long`, `text_control_character`, `contains_nul`).
  static func check(_ text: String, field: String, limit: Int) throws {
    switch TextLimits.problem(in: text, limit: limit) {
    case nil:
      return
    case .nul:
      throw RPCErrorFactory.invalid(
        field, "contains the NUL character (U+0000), which cannot be stored", rule: "contains_nul")
    case .tooLong(let length, let limit):
      throw RPCErrorFactory.invalid(
        field, "has \(length) characters, at most \(limit) are allowed", rule: "text_too_long",
        values: ["value": "\(length)", "limit": "\(limit)"])
    case .controlCharacter(let scalar, let position):
      let code = TextLimits.codePoint(scalar)
      throw RPCErrorFactory.invalid(
        field,
        "contains the control character \(code) at position \(position); control characters and bidirectional overrides are refused",
        rule: "text_control_character", values: ["value": code, "position": "\(position)"])
    }
  }

  /// Throws RESOURCE_EXHAUSTED when a list of `field` holds more than `maximum` values, and
  /// checks each value as ``check(_:field:limit:)`` does.
  static func check(_ values: [String], field: String, limit: Int, maximum: Int = maximumFilterValues) throws {
    try checkCount(values.count, field: field, maximum: maximum)
    for (index, value) in values.enumerated() { try check(value, field: "\(field)[\(index)]", limit: limit) }
  }

  /// Throws RESOURCE_EXHAUSTED when a list of `field` holds more than `maximum` values.
  static func checkCount(_ count: Int, field: String, maximum: Int = maximumFilterValues) throws {
    guard count <= maximum else {
      throw RPCErrorFactory.tooLarge(
        field, "at most \(maximum) values, got \(count)", rule: "too_many_values",
        values: ["value": "\(count)", "limit": "\(maximum)"])
    }
  }
}
