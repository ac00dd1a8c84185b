/// One top-level field of a protobuf message as it lies in the bytes: its key (field number
/// and wire type) and where its key and value start and end.
struct WireField {
  var number: UInt64
  var wireType: UInt8
  /// The range of the whole field, key included.
  var range: Range<Int>
  /// The range of a length-delimited field's payload (after its length), `nil` for others.
  var payload: Range<Int>?

  /// The fields of `bytes`, read until the first malformed one (whatever follows is ignored).
  static func parse(_ bytes: [UInt8]) -> [WireField] {
    var fields: [WireField] = []
    var position = 0
    while position < bytes.count {
      let start = position
      guard let key = readVarint(bytes, at: &position) else { break }
      let wireType = UInt8(key & 7)
      let number = key >> 3
      var payload: Range<Int>?
      switch wireType {
      case 0:
        guard readVarint(bytes, at: &position) != nil else { return fields }
      case 1:
        position += 8
      case 5:
        position += 4
      case 2:
        guard let length = readVarint(bytes, at: &position), length <= UInt64(bytes.count - position) else {
          return fields
        }
        payload = position..<(position + Int(length))
        position += Int(length)
      default:
        return fields
      }
      guard position <= bytes.count else { break }
      fields.append(WireField(number: number, wireType: wireType, range: start..<position, payload: payload))
    }
    return fields
  }

  static func readVarint(_ bytes: [UInt8], at position: inout Int) -> UInt64? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while position < bytes.count, shift < 64 {
      let byte = bytes[position]
      position += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
    return nil
  }

  static func varint(_ value: UInt64) -> [UInt8] {
    var value = value
    var bytes: [UInt8] = []
    while value >= 0x80 {
      bytes.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
    return bytes
  }

  static func key(number: UInt64, wireType: UInt8) -> [UInt8] {
    varint(number << 3 | UInt64(wireType))
  }

  /// A length-delimited field holding `payload`.
  static func lengthDelimited(number: UInt64, _ payload: [UInt8]) -> [UInt8] {
    key(number: number, wireType: 2) + varint(UInt64(payload.count)) + payload
  }
}
