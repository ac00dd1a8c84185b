/// A strict RFC 8259 parser that keeps where each value is: every node knows its byte range.
/// range. Duplicate keys are refused (the later value would silently win otherwise), and
/// nesting is bounded so a hostile document cannot exhaust the stack.
struct JSONParser {
  static let maximumDepth = 256

  private let bytes: [UInt8]
  private let source: String
  private var index = 0
  /// The member of the root object whose array elements go to ``onElement`` one at a time
  /// instead of into the tree (see ``parse(_:source:elementsOf:each:)``).
  private var streamedKey: String?
  private var onElement: ((JSONNode, Int) -> Void)?
  /// Given the members of the root object read before the streamed array, when it starts.
  private var beforeElements: (([JSONMember]) -> Void)?

  init(bytes: [UInt8], source: String) {
    self.bytes = bytes
    self.source = source
  }

  /// Parses one JSON value filling the whole input (a UTF-8 byte order mark is skipped).
  static func parse(_ bytes: [UInt8], source: String) throws(FormatError) -> JSONNode {
    var parser = JSONParser(bytes: bytes, source: source)
    return try parser.parseDocument()
  }

  /// Parses one JSON value like ``parse(_:source:)``, except that when it is an object with an
  /// array under `key`, each element of that array is given to `each` (with its index) as soon
  /// as it is parsed, and the tree keeps an empty array there (with the array's byte range).
  /// A portfolio of 100 000 projects is then read one project's tree at a time, not as a tree
  /// of the whole document (hundreds of megabytes of nodes at once).
  /// `before`, when given, is called once as the array starts, with the members of the root
  /// object read before it.
  static func parse(
    _ bytes: [UInt8], source: String, elementsOf key: String, before: (([JSONMember]) -> Void)? = nil,
    each: @escaping (JSONNode, Int) -> Void
  ) throws(FormatError) -> JSONNode {
    var parser = JSONParser(bytes: bytes, source: source)
    parser.streamedKey = key
    parser.onElement = each
    parser.beforeElements = before
    return try parser.parseDocument()
  }

  /// The one value of the whole input, after a byte order mark if there is one.
  private mutating func parseDocument() throws(FormatError) -> JSONNode {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      index = 3
    }
    skipWhitespace()
    if index >= bytes.count { throw error("the document is empty") }
    let node = try parseValue(depth: 0)
    skipWhitespace()
    if index < bytes.count {
      throw error("unexpected \(describeCurrent()) after the end of the document")
    }
    return node
  }

  // MARK: - Positions and errors

  private func error(_ message: String) -> FormatError {
    error(message, at: index)
  }

  private func error(at offset: Int, _ message: String) -> FormatError {
    error(message, at: offset)
  }

  private func error(_ message: String, at offset: Int) -> FormatError {
    let position = TextPositions(bytes).position(at: offset)
    return FormatError(
      FormatIssue(source: source, line: position.line, column: position.column, message: message))
  }

  private func describeCurrent() -> String {
    guard index < bytes.count else { return "end of document" }
    let byte = bytes[index]
    if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x" + String(byte, radix: 16, uppercase: true)
  }

  private mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D:
        index += 1
      default:
        return
      }
    }
  }

  // MARK: - Values

  private mutating func parseValue(depth: Int) throws(FormatError) -> JSONNode {
    guard index < bytes.count else { throw error("unexpected end of document, expected a value") }
    let start = index
    let value: JSONNode.Value
    switch bytes[index] {
    case UInt8(ascii: "{"):
      guard depth < Self.maximumDepth else {
        throw error("nesting deeper than \(Self.maximumDepth) levels")
      }
      value = .object(try parseObject(depth: depth))
    case UInt8(ascii: "["):
      guard depth < Self.maximumDepth else {
        throw error("nesting deeper than \(Self.maximumDepth) levels")
      }
      value = .array(try parseArray(depth: depth))
    case UInt8(ascii: "\""):
      value = .string(try parseString())
    case UInt8(ascii: "t"):
      try expectLiteral("true")
      value = .bool(true)
    case UInt8(ascii: "f"):
      try expectLiteral("false")
      value = .bool(false)
    case UInt8(ascii: "n"):
      try expectLiteral("null")
      value = .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      value = try parseNumber()
    default:
      throw error("unexpected \(describeCurrent()), expected a value")
    }
    return JSONNode(value: value, start: start, end: index)
  }

  private mutating func expectLiteral(_ literal: StaticString) throws(FormatError) {
    let expected = literal.withUTF8Buffer { Array($0) }
    guard bytes.count - index >= expected.count,
      Array(bytes[index..<index + expected.count]) == expected
    else {
      throw error("unexpected \(describeCurrent()), expected a value")
    }
    index += expected.count
  }

  private mutating func parseObject(depth: Int) throws(FormatError) -> [JSONMember] {
    index += 1  // {
    var members: [JSONMember] = []
    // Duplicate keys: a scan of the keys so far for the small objects of a portfolio, a set
    // for large ones.
    var seen: Set<String> = []
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
      index += 1
      return members
    }
    while true {
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
        throw error("unexpected \(describeCurrent()), expected a key in double quotes")
      }
      let keyStart = index
      let key = try parseString()
      let duplicate: Bool
      if members.count < 16 {
        duplicate = members.contains { $0.key == key }
      } else {
        if seen.isEmpty { seen = Set(members.map(\.key)) }
        duplicate = !seen.insert(key).inserted
      }
      guard !duplicate else {
        throw error("duplicate key \"\(key)\"", at: keyStart)
      }
      skipWhitespace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
        throw error("unexpected \(describeCurrent()), expected ':' after key \"\(key)\"")
      }
      index += 1
      skipWhitespace()
      let value: JSONNode
      if depth == 0, let onElement, key == streamedKey, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
        beforeElements?(members)
        value = try parseStreamedArray(depth: depth + 1, each: onElement)
      } else {
        value = try parseValue(depth: depth + 1)
      }
      members.append(JSONMember(key: key, keyStart: keyStart, value: value))
      skipWhitespace()
      guard index < bytes.count else {
        throw error("unexpected end of document, expected ',' or '}'")
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "}") {
        index += 1
        return members
      }
      throw error("unexpected \(describeCurrent()), expected ',' or '}'")
    }
  }

  /// An array whose elements go to `each` as they are parsed; its node holds no element.
  private mutating func parseStreamedArray(
    depth: Int, each: @escaping (JSONNode, Int) -> Void
  ) throws(FormatError) -> JSONNode {
    let start = index
    _ = try parseArray(depth: depth, each: each)
    return JSONNode(value: .array([]), start: start, end: index)
  }

  /// The elements of an array; with `each`, each element goes to it (with its index) as soon
  /// as it is parsed and none is kept.
  private mutating func parseArray(
    depth: Int, each: ((JSONNode, Int) -> Void)? = nil
  ) throws(FormatError) -> [JSONNode] {
    index += 1  // [
    var elements: [JSONNode] = []
    var count = 0
    skipWhitespace()
    if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
      index += 1
      return elements
    }
    while true {
      skipWhitespace()
      let element = try parseValue(depth: depth + 1)
      if let each { each(element, count) } else { elements.append(element) }
      count += 1
      skipWhitespace()
      guard index < bytes.count else {
        throw error("unexpected end of document, expected ',' or ']'")
      }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        return elements
      }
      throw error("unexpected \(describeCurrent()), expected ',' or ']'")
    }
  }

  private mutating func parseString() throws(FormatError) -> String {
    let start = index
    // Most strings have no escape: their bytes are the text, validated once, without a copy
    // byte by byte.
    var end = index + 1
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let text = bytes.withUnsafeBufferPointer { buffer in
        String(validating: UnsafeBufferPointer(rebasing: buffer[(start + 1)..<end]), as: UTF8.self)
      }
      guard let text else { throw error("string is not valid UTF-8", at: start) }
      index = end + 1
      return text
    }
    index += 1  // opening quote
    var utf8: [UInt8] = []
    while true {
      guard index < bytes.count else {
        throw error("unterminated string", at: start)
      }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw error("string is not valid UTF-8", at: start)
        }
        return text
      case UInt8(ascii: "\\"):
        index += 1
        try parseEscape(into: &utf8)
      case 0x00..<0x20:
        throw error("control character in a string (write it as an escape such as \\n)")
      default:
        utf8.append(byte)
        index += 1
      }
    }
  }

  private mutating func parseEscape(into utf8: inout [UInt8]) throws(FormatError) {
    guard index < bytes.count else { throw error("unterminated escape sequence") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): utf8.append(0x22)
    case UInt8(ascii: "\\"): utf8.append(0x5C)
    case UInt8(ascii: "/"): utf8.append(0x2F)
    case UInt8(ascii: "b"): utf8.append(0x08)
    case UInt8(ascii: "f"): utf8.append(0x0C)
    case UInt8(ascii: "n"): utf8.append(0x0A)
    case UInt8(ascii: "r"): utf8.append(0x0D)
    case UInt8(ascii: "t"): utf8.append(0x09)
    case UInt8(ascii: "u"):
      var scalarValue = try parseHex4()
      if (0xD800...0xDBFF).contains(scalarValue) {
        guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        else {
          throw error("unpaired surrogate in \\u escape")
        }
        index += 2
        let low = try parseHex4()
        guard (0xDC00...0xDFFF).contains(low) else {
          throw error("unpaired surrogate in \\u escape")
        }
        scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
      } else if (0xDC00...0xDFFF).contains(scalarValue) {
        throw error("unpaired surrogate in \\u escape")
      }
      guard let scalar = Unicode.Scalar(scalarValue) else { throw error("invalid \\u escape") }
      utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
    default:
      index -= 1
      throw error("invalid escape sequence \\\(describeCurrent())")
    }
  }

  private mutating func parseHex4() throws(FormatError) -> UInt32 {
    guard bytes.count - index >= 4 else { throw error("\\u escape needs four hexadecimal digits") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw error("\\u escape needs four hexadecimal digits")
      }
      value = value * 16 + digit
      index += 1
    }
    return value
  }

  private mutating func parseNumber() throws(FormatError) -> JSONNode.Value {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard index < bytes.count, isDigit(bytes[index]) else {
      throw error(at: start, "invalid number: a digit must follow '-'")
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if index < bytes.count && isDigit(bytes[index]) {
        throw error(at: start, "invalid number: leading zeros are not allowed")
      }
    } else {
      while index < bytes.count && isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw error(at: start, "invalid number: a digit must follow '.'")
      }
      while index < bytes.count && isDigit(bytes[index]) { index += 1 }
    }
    if index < bytes.count
      && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E"))
    {
      index += 1
      if index < bytes.count
        && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
      {
        index += 1
      }
      guard index < bytes.count, isDigit(bytes[index]) else {
        throw error(at: start, "invalid number: a digit must follow the exponent")
      }
      while index < bytes.count && isDigit(bytes[index]) { index += 1 }
    }
    if let exact = Self.exactDouble(bytes, start..<index) { return .number(exact, literal: nil) }
    let literal = String(decoding: bytes[start..<index], as: UTF8.self)
    let value = Double(literal)
    return .number(value.flatMap { $0.isFinite ? $0 : nil }, literal: literal)
  }

  /// The value of a number literal already checked by ``parseNumber()``, without making a
  /// string, when it is exactly representable on the way: at most 15 significant digits and a
  /// decimal exponent within ±22, so that the mantissa and the power of ten are exact doubles
  /// and one multiplication or division rounds correctly (Clinger's fast path). Nil otherwise;
  /// the caller then reads it the slow way.
  static func exactDouble(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
    var index = range.lowerBound
    var negative = false
    if bytes[index] == UInt8(ascii: "-") {
      negative = true
      index += 1
    }
    var mantissa: UInt64 = 0
    var digits = 0
    var exponent = 0
    while index < range.upperBound, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
      mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
      if mantissa != 0 { digits += 1 }
      index += 1
    }
    if index < range.upperBound, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while index < range.upperBound, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
        mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- UInt8(ascii: "0"))
        if mantissa != 0 { digits += 1 }
        exponent -= 1
        index += 1
      }
    }
    // An exponent part, or more than 15 significant digits: the slow way.
    guard index == range.upperBound, digits <= 15, exponent >= -22 else { return nil }
    var value = Double(mantissa)
    if exponent < 0 { value /= powersOfTen[-exponent] }
    return negative ? -value : value
  }

  private static let powersOfTen: [Double] = (0...22).map { power in
    var value = 1.0
    for _ in 0..<power { value *= 10 }
    return value
  }

  private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
