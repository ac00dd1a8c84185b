import SyntheticData

/// Mutations of a serialized protobuf message: blind byte edits (flip, overwrite, insert,
/// delete, truncate, duplicate a slice) and edits that know the wire format (drop, repeat or
/// swap a field, change its wire type, lie about a length, add unknown fields, over-long
/// varints, unterminated groups, deep nesting, and mutate inside a nested message keeping its
/// length right).
enum WireMutator {
  /// `bytes` after `count` mutations, never longer than `maximumSize` by more than one field.
  static func mutate(_ bytes: [UInt8], count: Int, maximumSize: Int, random: inout SplitMix64) -> [UInt8] {
    var result = bytes
    for _ in 0..<count {
      result = mutateOnce(result, depth: 0, maximumSize: maximumSize, random: &random)
    }
    return result
  }

  static func mutateOnce(_ bytes: [UInt8], depth: Int, maximumSize: Int, random: inout SplitMix64) -> [UInt8] {
    var bytes = bytes
    let fields = WireField.parse(bytes)
    switch random.integer(0...17) {
    case 0 where !bytes.isEmpty:
      let index = random.integer(0...(bytes.count - 1))
      bytes[index] ^= UInt8(1) << UInt8(random.integer(0...7))
    case 1 where !bytes.isEmpty:
      bytes[random.integer(0...(bytes.count - 1))] = random.pick([0x00, 0x01, 0x7F, 0x80, 0xFF, 0x08, 0x0A, 0x12])
    case 2:
      let insertion = (0..<random.integer(1...16)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
      bytes.insert(contentsOf: insertion, at: random.integer(0...bytes.count))
    case 3 where !bytes.isEmpty:
      let start = random.integer(0...(bytes.count - 1))
      let end = min(bytes.count, start + random.integer(1...16))
      bytes.removeSubrange(start..<end)
    case 4 where !bytes.isEmpty:
      bytes.removeSubrange(random.integer(0...(bytes.count - 1))..<bytes.count)
    case 5 where !bytes.isEmpty:
      let start = random.integer(0...(bytes.count - 1))
      let slice = bytes[start..<min(bytes.count, start + random.integer(1...64))]
      bytes.insert(contentsOf: slice, at: random.integer(0...bytes.count))
    case 6 where !fields.isEmpty:
      bytes.removeSubrange(random.pick(fields).range)
    case 7 where !fields.isEmpty:
      let field = random.pick(fields)
      bytes += bytes[field.range]
    case 8 where fields.count >= 2:
      let first = random.pick(fields)
      let second = random.pick(fields)
      guard first.range != second.range else { break }
      let (early, late) = first.range.lowerBound < second.range.lowerBound ? (first, second) : (second, first)
      var swapped = Array(bytes[..<early.range.lowerBound])
      swapped += bytes[late.range]
      swapped += bytes[early.range.upperBound..<late.range.lowerBound]
      swapped += bytes[early.range]
      swapped += bytes[late.range.upperBound...]
      bytes = swapped
    case 9 where !fields.isEmpty:
      // The same field number with another wire type.
      let field = random.pick(fields)
      var position = field.range.lowerBound
      _ = WireField.readVarint(bytes, at: &position)
      let key = WireField.key(number: field.number, wireType: random.pick([0, 1, 2, 3, 4, 5, 6, 7]))
      bytes.replaceSubrange(field.range.lowerBound..<position, with: key)
    case 10:
      // Unknown field numbers, including the largest and the reserved range.
      let number: UInt64 = random.pick([15, 16, 99, 1000, 19_000, 19_999, 536_870_911, 0])
      let value: [UInt8] =
        random.chance(0.5)
        ? WireField.lengthDelimited(number: number, Array("unknown".utf8))
        : WireField.key(number: number, wireType: 0) + WireField.varint(random.next())
      bytes.insert(contentsOf: value, at: fields.isEmpty ? bytes.count : random.pick(fields).range.lowerBound)
    case 11:
      if let field = fields.filter({ $0.payload != nil }).randomElement(using: &random) {
        // A length beyond the end of the message, or off by one.
        var position = field.range.lowerBound
        _ = WireField.readVarint(bytes, at: &position)
        let lengthStart = position
        _ = WireField.readVarint(bytes, at: &position)
        let length = UInt64(field.payload?.count ?? 0)
        let lie: UInt64 = random.pick([length + 1, length &- 1, 0xFFFF_FFFF, .max, 1 << 31])
        bytes.replaceSubrange(lengthStart..<position, with: WireField.varint(lie))
      }
    case 12:
      // A varint longer than ten bytes.
      let number = fields.randomElement(using: &random)?.number ?? 1
      bytes +=
        WireField.key(number: number, wireType: 0) + [UInt8](repeating: 0xFF, count: random.integer(10...20)) + [0x01]
    case 13:
      // A group that never ends, or ends without starting.
      let number = fields.randomElement(using: &random)?.number ?? 1
      bytes += WireField.key(number: number, wireType: random.chance(0.5) ? 3 : 4)
    case 14 where !fields.isEmpty:
      // One field repeated until the payload nears its limit.
      let field = random.pick(fields)
      let copy = bytes[field.range]
      let times = min(random.integer(2...100_000), max(0, (maximumSize - bytes.count) / max(1, copy.count)))
      for _ in 0..<times { bytes += copy }
    case 15:
      // Messages nested hundreds deep in field 1 or a field of the message.
      let number = fields.randomElement(using: &random)?.number ?? 1
      var nested: [UInt8] = []
      for _ in 0..<random.integer(50...2_000) {
        nested = WireField.lengthDelimited(number: number, nested)
        if nested.count > maximumSize / 2 { break }
      }
      bytes += nested
    default:
      // Mutate inside a nested message and fix its length, so the outer message still parses.
      if depth < 4, let field = fields.filter({ $0.payload != nil }).randomElement(using: &random),
        let payload = field.payload
      {
        let inner = mutateOnce(Array(bytes[payload]), depth: depth + 1, maximumSize: maximumSize, random: &random)
        bytes.replaceSubrange(field.range, with: WireField.lengthDelimited(number: field.number, inner))
      } else if !bytes.isEmpty {
        bytes[random.integer(0...(bytes.count - 1))] = UInt8(truncatingIfNeeded: random.next())
      }
    }
    return bytes
  }
}
