/// Reads the primitive values of ``ProjectsBinary``, checking every bound: corrupt bytes are a
/// ``ProjectsBinaryError`` with their offset, never a crash.
struct BinaryReader {
  let buffer: UnsafeBufferPointer<UInt8>
  var offset = 0

  init(_ buffer: UnsafeBufferPointer<UInt8>) {
    self.buffer = buffer
  }

  func failure(_ detail: String) -> ProjectsBinaryError {
    ProjectsBinaryError(offset: offset, detail: detail)
  }

  mutating func byte() throws(ProjectsBinaryError) -> UInt8 {
    guard offset < buffer.count else { throw failure("unexpected end") }
    defer { offset += 1 }
    return buffer[offset]
  }

  mutating func varint() throws(ProjectsBinaryError) -> UInt64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      guard shift < 64 else { throw failure("varint longer than 10 bytes") }
      value |= UInt64(next & 0x7f) << shift
      if next & 0x80 == 0 { return value }
      shift += 7
    }
  }

  /// A count or a length, which cannot exceed the bytes left (each element takes at least one).
  mutating func count() throws(ProjectsBinaryError) -> Int {
    let value = try varint()
    guard value <= UInt64(buffer.count - offset) else { throw failure("count \(value) beyond the document's end") }
    return Int(value)
  }

  mutating func signed() throws(ProjectsBinaryError) -> Int {
    let raw = try varint()
    let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    guard let narrowed = Int(exactly: value) else { throw failure("integer \(value) out of range") }
    return narrowed
  }

  mutating func double() throws(ProjectsBinaryError) -> Double {
    guard buffer.count - offset >= 8 else { throw failure("unexpected end") }
    var bits: UInt64 = 0
    for index in 0..<8 { bits |= UInt64(buffer[offset + index]) << (8 * UInt64(index)) }
    offset += 8
    return Double(bitPattern: bits)
  }

  mutating func string() throws(ProjectsBinaryError) -> String {
    let length = try count()
    let bytes = UnsafeBufferPointer(rebasing: buffer[offset..<offset + length])
    guard let text = String(validating: bytes, as: UTF8.self) else { throw failure("text that is not UTF-8") }
    offset += length
    return text
  }
}

/// The string table of a document being read.
struct StringLookup {
  let strings: [String]

  func text(_ reader: inout BinaryReader) throws(ProjectsBinaryError) -> String {
    let index = try reader.varint()
    guard index < UInt64(strings.count) else {
      throw reader.failure("text \(index) not in the table of \(strings.count)")
    }
    return strings[Int(index)]
  }

  func optionalText(_ reader: inout BinaryReader) throws(ProjectsBinaryError) -> String? {
    let index = try reader.varint()
    guard index != 0 else { return nil }
    guard index <= UInt64(strings.count) else {
      throw reader.failure("text \(index - 1) not in the table of \(strings.count)")
    }
    return strings[Int(index - 1)]
  }

  func enumeration<Value: RawRepresentable>(
    _ type: Value.Type, _ reader: inout BinaryReader
  )
    throws(ProjectsBinaryError) -> Value where Value.RawValue == String
  {
    let name = try text(&reader)
    guard let value = Value(rawValue: name) else { throw reader.failure("unknown \(Value.self) \"\(name)\"") }
    return value
  }
}
