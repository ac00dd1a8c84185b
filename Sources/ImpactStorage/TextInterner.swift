import Foundation

/// One `String` per distinct value of a column that holds few of them (risk types, criteria,
/// domains, units), shared by every row: finding the bytes among a few known values costs less
/// than decoding them, allocating a copy longer than 15 bytes and freeing it with the portfolio.
///
/// Keeps at most `capacity` values; a column with more distinct values than that decodes the
/// rest as usual.
struct TextInterner {
  private var values: [(bytes: [UInt8], text: String)] = []
  private let capacity: Int

  init(capacity: Int = 32) {
    self.capacity = capacity
  }

  mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    for value in values where value.bytes.count == bytes.count {
      let same = value.bytes.withUnsafeBufferPointer { known in
        guard let knownStart = known.baseAddress, let start = bytes.baseAddress else { return true }
        return memcmp(knownStart, start, bytes.count) == 0
      }
      if same { return value.text }
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if values.count < capacity { values.append((Array(bytes), text)) }
    return text
  }
}
