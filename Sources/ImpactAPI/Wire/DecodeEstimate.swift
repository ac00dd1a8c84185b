/// What decoding a request message will take in memory, judged from its bytes alone: a walk of
/// the protobuf wire format guided by ``WireSchema``, without building anything.
///
/// The estimate counts, for every message instance, a base size and a slot per declared field
/// (and a dictionary entry for a map's); for every text or bytes field four times its length
/// (decoding validates and copies it) and an allocation; for every element of a repeated field
/// an array slot; for packed numbers a word each. The weights were measured against
/// SwiftProtobuf's decoding (`Tests/DaemonCoreTests/DecodeEstimateTests.swift`): the estimate is
/// at least the memory decoding takes, and within a small factor of it.
///
/// The walk is linear in the message's size, allocates nothing, and stops as soon as the
/// estimate passes the budget. A message that is not well-formed ends the walk with what was
/// counted so far: the decoder then refuses it with its own error.
public enum DecodeEstimate {
  /// Bytes of a message instance, whatever its fields.
  public static let messageBytes = 96
  /// Bytes per field a message type declares (SwiftProtobuf stores every field, set or not).
  public static let fieldSlotBytes = 24
  /// Bytes of a string or bytes value beyond its length times ``textFactor`` (its allocation).
  public static let textBytes = 48
  /// Bytes of memory per byte of a string or bytes value while it is decoded.
  public static let textFactor = 4
  /// Bytes of a map entry in its dictionary, beyond its message.
  public static let mapEntryBytes = 96
  /// Bytes per element of a repeated field, for the array's slot and its growth.
  public static let elementBytes = 24
  /// Bytes per number of a packed repeated field, or per number of an unpacked one.
  public static let scalarBytes = 8
  /// The deepest nesting walked (SwiftProtobuf's default decoding depth limit).
  public static let maximumDepth = 100

  /// The estimated bytes of decoding `bytes` as the message type at `messageIndex` of
  /// `schema`; once the estimate exceeds `budget`, the walk stops and the value returned is
  /// over `budget` (not the full estimate).
  public static func bytes(
    of bytes: UnsafeRawBufferPointer, messageIndex: Int, schema: WireSchema, budget: Int = .max
  ) -> Int {
    var walk = Walk(buffer: bytes, schema: schema, budget: budget)
    walk.message(from: 0, to: bytes.count, type: messageIndex, depth: 0)
    return walk.total
  }

  /// The estimated bytes of decoding `bytes` as the request of `method`
  /// (`package.Service/Method`); nil when the schema does not know the method.
  public static func bytes(
    of bytes: UnsafeRawBufferPointer, requestOf method: String, schema: WireSchema = .api, budget: Int = .max
  ) -> Int? {
    guard let index = schema.requestTypes[method] else { return nil }
    return Self.bytes(of: bytes, messageIndex: index, schema: schema, budget: budget)
  }

  private struct Walk {
    let buffer: UnsafeRawBufferPointer
    let schema: WireSchema
    let budget: Int
    var total = 0
    /// Set when the walk must end: the budget is passed or the bytes are not well-formed.
    var stopped = false

    init(buffer: UnsafeRawBufferPointer, schema: WireSchema, budget: Int) {
      self.buffer = buffer
      self.schema = schema
      self.budget = budget
    }

    mutating func add(_ bytes: Int) {
      total = total.addingReportingOverflow(bytes).overflow ? .max : total + bytes
      if total > budget { stopped = true }
    }

    func varint(at position: inout Int, end: Int) -> UInt64? {
      WireFields.varint(in: buffer, at: &position, end: end)
    }

    mutating func message(from start: Int, to end: Int, type: Int, depth: Int) {
      let layout = schema.messages[type]
      add(
        DecodeEstimate.messageBytes + DecodeEstimate.fieldSlotBytes * layout.fields.count
          + (layout.isMapEntry ? DecodeEstimate.mapEntryBytes : 0))
      guard depth < DecodeEstimate.maximumDepth else {
        stopped = true
        return
      }
      var position = start
      while position < end, !stopped {
        guard let key = varint(at: &position, end: end) else { return stop() }
        let number = Int(truncatingIfNeeded: key >> 3)
        let field = layout.fields[number]
        if field?.isRepeated == true { add(DecodeEstimate.elementBytes) }
        switch key & 7 {
        case 0:
          guard varint(at: &position, end: end) != nil else { return stop() }
          if field?.isRepeated == true { add(DecodeEstimate.scalarBytes) }
        case 1:
          position += 8
        case 5:
          position += 4
        case 2:
          guard let length = varint(at: &position, end: end), length <= UInt64(end - position) else { return stop() }
          let valueEnd = position + Int(length)
          switch field?.kind {
          case .message(let index):
            message(from: position, to: valueEnd, type: index, depth: depth + 1)
          case .scalar:
            add(Int(length) * DecodeEstimate.scalarBytes)
          case .text, .bytes, nil:
            // Unknown fields are kept as bytes too.
            add(DecodeEstimate.textBytes + DecodeEstimate.textFactor * Int(length))
          }
          position = valueEnd
        default:
          // Groups (3, 4) are not used by this API, and 6, 7 are not wire types.
          return stop()
        }
      }
      if position > end { stop() }
    }

    mutating func stop() { stopped = true }
  }
}
