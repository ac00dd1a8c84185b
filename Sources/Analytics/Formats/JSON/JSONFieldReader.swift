/// Reads typed fields out of parsed JSON, collecting every problem with its key path, line and
/// column instead of stopping at the first, so one pass over a document reports them all.
final class JSONFieldReader {
  /// Beyond this many problems the rest are noise; reading stops reporting.
  static let maximumIssues = 200

  let source: String
  let bytes: [UInt8]
  private(set) var issues: [FormatIssue] = []
  private lazy var positions = TextPositions(bytes)

  init(source: String, bytes: [UInt8]) {
    self.source = source
    self.bytes = bytes
  }

  /// The issues in the order of the document, as a reader scans it.
  var sortedIssues: [FormatIssue] {
    issues.enumerated().sorted { left, right in
      let leftKey = (left.element.line ?? 0, left.element.column ?? 0, left.offset)
      let rightKey = (right.element.line ?? 0, right.element.column ?? 0, right.offset)
      return leftKey < rightKey
    }.map(\.element)
  }

  /// Records a problem at `offset` in the source; `key` and `values` say it in the catalogue.
  func report(
    _ message: String, path: String, at offset: Int, key: String? = nil, values: [String: String] = [:]
  ) {
    guard issues.count < Self.maximumIssues else { return }
    let position = positions.position(at: offset)
    issues.append(
      FormatIssue(
        source: source, line: position.line, column: position.column, path: path, message: message, key: key,
        values: values))
  }

  func report(_ message: String, path: String, node: JSONNode, key: String? = nil, values: [String: String] = [:]) {
    report(message, path: path, at: node.start, key: key, values: values)
  }

  /// The exact source text of a node.
  func text(of node: JSONNode) -> String {
    String(decoding: bytes[node.start..<node.end], as: UTF8.self)
  }

  static func join(_ path: String, _ key: String) -> String {
    path.isEmpty ? key : "\(path).\(key)"
  }

  // MARK: - Containers

  /// The members of an object keyed by name, after reporting every key not in `allowed`.
  func object(_ node: JSONNode, at path: String, allowed: [String]) -> JSONObjectFields? {
    guard case .object(let members) = node.value else {
      report(
        "expected an object, found \(node.kind)", path: path, node: node, key: "format.json.expected_object",
        values: ["found": node.typeName])
      return nil
    }
    var fields: [String: JSONNode] = [:]
    for member in members {
      if allowed.contains(member.key) {
        fields[member.key] = member.value
      } else {
        report(
          "unknown key \"\(member.key)\" (expected one of: \(allowed.joined(separator: ", ")))",
          path: Self.join(path, member.key), at: member.keyStart, key: "format.json.unknown_key",
          values: ["key": member.key, "allowed": allowed.joined(separator: ", ")])
      }
    }
    return JSONObjectFields(node: node, path: path, fields: fields, reader: self)
  }

  func array(_ node: JSONNode, at path: @autoclosure () -> String) -> [JSONNode]? {
    guard case .array(let elements) = node.value else {
      report(
        "expected an array, found \(node.kind)", path: path(), node: node, key: "format.json.expected_array",
        values: ["found": node.typeName])
      return nil
    }
    return elements
  }

  // MARK: - Scalars

  func string(_ node: JSONNode, at path: @autoclosure () -> String) -> String? {
    guard case .string(let text) = node.value else {
      report(
        "expected a string, found \(node.kind)", path: path(), node: node, key: "format.json.expected_string",
        values: ["found": node.typeName])
      return nil
    }
    return text
  }

  func double(_ node: JSONNode, at path: @autoclosure () -> String) -> Double? {
    guard case .number(let value, _) = node.value else {
      report(
        "expected a number, found \(node.kind)", path: path(), node: node, key: "format.json.expected_number",
        values: ["found": node.typeName])
      return nil
    }
    guard let value else {
      let literal = text(of: node)
      report(
        "number \(literal) is out of range", path: path(), node: node, key: "format.json.out_of_range",
        values: ["value": literal])
      return nil
    }
    return value
  }

  func int(_ node: JSONNode, at path: @autoclosure () -> String) -> Int? {
    guard case .number = node.value else {
      report(
        "expected an integer, found \(node.kind)", path: path(), node: node, key: "format.json.expected_integer",
        values: ["found": node.typeName])
      return nil
    }
    guard let value = double(node, at: path()) else { return nil }
    guard value.rounded() == value, abs(value) <= 9_007_199_254_740_992 else {
      let literal = text(of: node)
      report(
        "expected an integer, found \(literal)", path: path(), node: node, key: "format.json.expected_integer",
        values: ["found": literal])
      return nil
    }
    return Int(value)
  }

  func bool(_ node: JSONNode, at path: @autoclosure () -> String) -> Bool? {
    guard case .bool(let value) = node.value else {
      report(
        "expected true or false, found \(node.kind)", path: path(), node: node, key: "format.json.expected_boolean",
        values: ["found": node.typeName])
      return nil
    }
    return value
  }
}

/// The known members of one JSON object, read by key with the object's path.
struct JSONObjectFields {
  let node: JSONNode
  let path: String
  let fields: [String: JSONNode]
  let reader: JSONFieldReader

  func has(_ key: String) -> Bool { fields[key] != nil }

  func path(_ key: String) -> String { JSONFieldReader.join(path, key) }

  /// The member `key`; reports it as missing when `required`.
  func node(_ key: String, required: Bool = false) -> JSONNode? {
    if let node = fields[key] { return node }
    if required {
      reader.report(
        "missing required key \"\(key)\"", path: path(key), node: node, key: "format.json.missing_key",
        values: ["key": key])
    }
    return nil
  }

  func string(_ key: String, required: Bool = false) -> String? {
    node(key, required: required).flatMap { reader.string($0, at: path(key)) }
  }

  func double(_ key: String, required: Bool = false) -> Double? {
    node(key, required: required).flatMap { reader.double($0, at: path(key)) }
  }

  func int(_ key: String, required: Bool = false) -> Int? {
    node(key, required: required).flatMap { reader.int($0, at: path(key)) }
  }

  func bool(_ key: String, required: Bool = false) -> Bool? {
    node(key, required: required).flatMap { reader.bool($0, at: path(key)) }
  }

  func array(_ key: String, required: Bool = false) -> [JSONNode]? {
    node(key, required: required).flatMap { reader.array($0, at: path(key)) }
  }

  /// A string that must be the raw value of `T` (an enum of the format).
  func enumeration<T: RawRepresentable & CaseIterable>(
    _ key: String, as type: T.Type, required: Bool = false
  ) -> T?
  where T.RawValue == String {
    guard let node = node(key, required: required), let text = reader.string(node, at: path(key))
    else { return nil }
    if let value = T(rawValue: text) { return value }
    let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
    reader.report(
      "\"\(text)\" is not one of: \(allowed)", path: path(key), node: node, key: "format.json.not_one_of",
      values: ["value": text, "allowed": allowed])
    return nil
  }
}
