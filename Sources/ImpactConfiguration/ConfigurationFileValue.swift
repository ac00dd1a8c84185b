/// One JSON value of a configuration file, kept as written so unknown keys and wrong types can
/// be reported by name instead of by a decoder's coding path.
enum ConfigurationFileValue: Decodable, Sendable {
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case array([ConfigurationFileValue])
  case object([String: ConfigurationFileValue])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .integer(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([ConfigurationFileValue].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: ConfigurationFileValue].self))
    }
  }

  /// How the value reads in an error message.
  var quoted: String {
    switch self {
    case .null: "null"
    case .bool(let value): "\(value)"
    case .integer(let value): "\(value)"
    case .number(let value): "\(value)"
    case .string(let value): "\"\(value)\""
    case .array: "an array"
    case .object: "an object"
    }
  }
}
