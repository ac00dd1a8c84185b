/// Turns byte offsets of a UTF-8 text into 1-based lines and columns, counting columns in
/// characters (Unicode scalars) so `é` is one column, as editors show it.
struct TextPositions {
  private let bytes: [UInt8]
  /// Byte offset of the first byte of each line.
  private let lineStarts: [Int]

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    for (offset, byte) in bytes.enumerated() where byte == 0x0A {
      starts.append(offset + 1)
    }
    lineStarts = starts
  }

  func position(at offset: Int) -> (line: Int, column: Int) {
    let clamped = min(max(offset, 0), bytes.count)
    // The last line start at or before the offset.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= clamped { low = middle } else { high = middle - 1 }
    }
    var column = 1
    var cursor = lineStarts[low]
    // A byte order mark at the very start is not a character anyone sees.
    if low == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) && clamped >= 3 { cursor = 3 }
    while cursor < clamped {
      if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
      cursor += 1
    }
    return (low + 1, column)
  }
}
