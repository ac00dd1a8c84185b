/// A scheme's list of ids (domains or criteria) and the lookup of an id's position in it,
/// built once per scheme for the scoring loop.
///
/// Ids are usually short ASCII strings, stored inline in the `String` value. The lookup first compares
/// the 16 bytes of the candidate's `String` value with those of each id: equal bytes are the
/// same string (the test `String.==` itself starts with), and the comparison needs no call,
/// no reference counting and no access to memory beyond the value itself. Only a candidate that
/// matches no id that way (another representation of an id, or an unknown id) goes through
/// `String.==`, so the result is always that of `==`.
struct IdentifierTable: Sendable {
  let ids: [String]
  /// The bytes of each id's `String` value, two words per id; empty when `String` is not the
  /// two-word value this relies on, which sends every lookup through `==`.
  private let words: [UInt64]
  // Schemes normally hold a handful of ids, where a linear scan beats hashing; large schemes
  // use a dictionary.
  private let lookup: [String: Int]
  private static let linearScanLimit = 16

  init(_ ids: [String]) {
    self.ids = ids
    var words: [UInt64] = []
    // With two ids equal under `==` the byte test could find the second where `==` finds the
    // first; validated schemes have none, others take the slower path.
    if MemoryLayout<String>.size == 2 * MemoryLayout<UInt64>.size, Set(ids).count == ids.count {
      for id in ids {
        withUnsafeBytes(of: id) { bytes in
          words.append(bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
          words.append(bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        }
      }
    }
    self.words = words
    var lookup: [String: Int] = [:]
    if ids.count > Self.linearScanLimit {
      for (position, id) in ids.enumerated() where lookup[id] == nil {
        lookup[id] = position
      }
    }
    self.lookup = lookup
  }

  var count: Int { ids.count }

  /// The position of `id`, `nil` when the table does not hold it.
  func position(of id: String) -> Int? {
    if ids.count > Self.linearScanLimit { return lookup[id] }
    for position in ids.indices where ids[position] == id {
      return position
    }
    return nil
  }

  /// The position of the `String` stored at `address` (a field of a value in memory), read
  /// without copying it unless its bytes match no id's.
  @inline(__always)
  func position(ofStringAt address: UnsafeRawPointer) -> Int? {
    let low = address.loadUnaligned(as: UInt64.self)
    let high = address.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
    let found: Int? = words.withUnsafeBufferPointer { words in
      var offset = 0
      while offset < words.count {
        if words[offset] == low, words[offset + 1] == high { return offset / 2 }
        offset += 2
      }
      return nil
    }
    if let found { return found }
    return position(of: address.assumingMemoryBound(to: String.self).pointee)
  }
}
