/// The length-delimited fields at the top level of a protobuf message's bytes, read without
/// decoding it: for a check that must look inside one field (a document's text) before the
/// message is decoded.
public enum WireFields {
  /// Calls `body` with the number and the value's bytes of every length-delimited field of
  /// `bytes`, in order; other fields are skipped. Stops at the first byte that is not
  /// well-formed (the decoder then refuses the message with its own error).
  public static func forEachLengthDelimited(
    in bytes: UnsafeRawBufferPointer, _ body: (_ number: Int, _ value: UnsafeRawBufferPointer) throws -> Void
  ) rethrows {
    var position = 0
    func varint() -> UInt64? { Self.varint(in: bytes, at: &position, end: bytes.count) }
    while position < bytes.count {
      guard let key = varint() else { return }
      switch key & 7 {
      case 0:
        guard varint() != nil else { return }
      case 1:
        position += 8
      case 5:
        position += 4
      case 2:
        guard let length = varint(), length <= UInt64(bytes.count - position) else { return }
        let value = UnsafeRawBufferPointer(rebasing: bytes[position..<(position + Int(length))])
        position += Int(length)
        try body(Int(truncatingIfNeeded: key >> 3), value)
      default:
        return
      }
    }
  }

  /// Reads a varint of `bytes` at `position`, moving past it; nil when the bytes end (at
  /// `end`) first or it is longer than 10 bytes.
  public static func varint(in bytes: UnsafeRawBufferPointer, at position: inout Int, end: Int) -> UInt64? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while position < end, shift < 64 {
      let byte = bytes[position]
      position += 1
      value |= UInt64(byte & 0x7F) << shift
      if byte & 0x80 == 0 { return value }
      shift += 7
    }
    return nil
  }
}
