/// Appends the primitive values of ``ProjectsBinary`` to a byte array.
struct BinaryWriter {
  var bytes: [UInt8] = []

  init(capacity: Int = 0) {
    bytes.reserveCapacity(capacity)
  }

  mutating func varint(_ value: Int) {
    var rest = UInt64(bitPattern: Int64(value))
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// A signed integer, zigzag-encoded.
  mutating func signed(_ value: Int) {
    let wide = Int64(value)
    varint(Int(bitPattern: UInt(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))))
  }

  mutating func double(_ value: Double) {
    var bits = value.bitPattern
    for _ in 0..<8 {
      bytes.append(UInt8(truncatingIfNeeded: bits))
      bits >>= 8
    }
  }

  mutating func text(_ value: String, _ strings: inout StringTable) {
    varint(strings.index(of: value))
  }

  mutating func optionalText(_ value: String?, _ strings: inout StringTable) {
    varint(value.map { strings.index(of: $0) + 1 } ?? 0)
  }
}

/// Each distinct text once, in order of first use.
struct StringTable {
  private(set) var texts: [String] = []
  private var indexes: [String: Int] = [:]
  private(set) var byteCount = 0

  mutating func index(of text: String) -> Int {
    if let index = indexes[text] { return index }
    let index = texts.count
    indexes[text] = index
    texts.append(text)
    byteCount += text.utf8.count + 2
    return index
  }
}
