/// A parsed JSON value with its byte range in the source: the start gives the line and column
/// of a problem (computed only when one is reported), the range lets a value be kept verbatim.
struct JSONNode {
  enum Value {
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    /// `nil` when the literal is outside the range of `Double` (`1e999`); readers report it
    /// with the field's path. The literal is kept only when it was read the slow way (the
    /// reader has the source text for the others).
    case number(Double?, literal: String?)
    case bool(Bool)
    case null
  }

  var value: Value
  /// Byte offsets of the value's text in the source, end exclusive.
  var start: Int
  var end: Int

  /// The kind of value, as messages name it.
  var kind: String {
    switch value {
    case .object: "an object"
    case .array: "an array"
    case .string: "a string"
    case .number: "a number"
    case .bool: "a boolean"
    case .null: "null"
    }
  }

  /// The kind of value by its JSON type name (`object`, `string`...), the same in every
  /// language, for translated messages.
  var typeName: String {
    switch value {
    case .object: "object"
    case .array: "array"
    case .string: "string"
    case .number: "number"
    case .bool: "boolean"
    case .null: "null"
    }
  }
}

/// A key and its value in a JSON object, in source order.
struct JSONMember {
  var key: String
  /// Byte offset of the key's opening quote.
  var keyStart: Int
  var value: JSONNode
}
