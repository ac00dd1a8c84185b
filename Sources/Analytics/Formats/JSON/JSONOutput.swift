/// A JSON value to write, with members in the order given, so output is deterministic.
indirect enum JSONOutput {
  case object([(String, JSONOutput)])
  case array([JSONOutput])
  case string(String)
  case number(Double)
  case bool(Bool)
  case null
  /// JSON text written as is (a project's `extra`, already checked to be JSON).
  case verbatim(String)

  /// Pretty text with two-space indentation. An object or array of scalars that fits on a
  /// line is written on one line, so ratings and risks read as rows.
  func rendered() -> String {
    var text = ""
    write(into: &text, indent: 0)
    text += "\n"
    return text
  }

  private static let inlineLimit = 100

  private var isScalar: Bool {
    switch self {
    case .object, .array, .verbatim: false
    default: true
    }
  }

  /// Appends the value's text as it appears at `indent` inside a rendered document.
  func write(into text: inout String, indent: Int) {
    switch self {
    case .object(let members):
      if members.isEmpty {
        text += "{}"
      } else if members.allSatisfy({ $0.1.isScalar }), let line = inline(),
        line.count + indent <= Self.inlineLimit
      {
        text += line
      } else {
        text += "{\n"
        for (offset, member) in members.enumerated() {
          text += String(repeating: " ", count: indent + 2)
          Self.writeString(member.0, into: &text)
          text += ": "
          member.1.write(into: &text, indent: indent + 2)
          text += offset == members.count - 1 ? "\n" : ",\n"
        }
        text += String(repeating: " ", count: indent) + "}"
      }
    case .array(let elements):
      if elements.isEmpty {
        text += "[]"
      } else if elements.allSatisfy(\.isScalar), let line = inline(),
        line.count + indent <= Self.inlineLimit
      {
        text += line
      } else {
        text += "[\n"
        for (offset, element) in elements.enumerated() {
          text += String(repeating: " ", count: indent + 2)
          element.write(into: &text, indent: indent + 2)
          text += offset == elements.count - 1 ? "\n" : ",\n"
        }
        text += String(repeating: " ", count: indent) + "]"
      }
    case .string(let value):
      Self.writeString(value, into: &text)
    case .number(let value):
      text += Self.numberText(value)
    case .bool(let value):
      text += value ? "true" : "false"
    case .null:
      text += "null"
    case .verbatim(let json):
      text += json
    }
  }

  /// One-line text of an object or array of scalars.
  private func inline() -> String? {
    var text = ""
    switch self {
    case .object(let members):
      text += "{"
      for (offset, member) in members.enumerated() {
        if offset > 0 { text += ", " }
        Self.writeString(member.0, into: &text)
        text += ": "
        member.1.write(into: &text, indent: 0)
      }
      text += "}"
    case .array(let elements):
      text += "["
      for (offset, element) in elements.enumerated() {
        if offset > 0 { text += ", " }
        element.write(into: &text, indent: 0)
      }
      text += "]"
    default:
      return nil
    }
    return text
  }

  /// The shortest text that reads back as the same `Double`; integral values without `.0`.
  /// Non-finite values have no JSON form and are written as `null` (validation refuses them).
  static func numberText(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 {
      return value == 0 && value.sign == .minus ? "-0" : String(Int64(value))
    }
    // Swift's description is the shortest round-trip form (`0.1`, `1e-05`, `1e+16`), all valid JSON.
    return "\(value)"
  }

  static func writeString(_ value: String, into text: inout String) {
    text += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": text += "\\\""
      case "\\": text += "\\\\"
      case "\n": text += "\\n"
      case "\r": text += "\\r"
      case "\t": text += "\\t"
      case "\u{08}": text += "\\b"
      case "\u{0C}": text += "\\f"
      case "\u{00}"..."\u{1F}":
        let hex = String(scalar.value, radix: 16, uppercase: true)
        text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default:
        text.unicodeScalars.append(scalar)
      }
    }
    text += "\""
  }
}
