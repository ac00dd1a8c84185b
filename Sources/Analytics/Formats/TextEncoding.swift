/// The character encodings a file people give us may come in: UTF-8, Windows-1252, which
/// French Excel writes for "CSV (séparateur: point-virgule)", and UTF-16, which it writes for
/// "Texte Unicode" (little-endian, with a byte order mark, tab-separated).
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "utf-8"
  case windows1252 = "windows-1252"
  case utf16 = "utf-16"

  /// The text of `bytes`, in `encoding` when given, otherwise UTF-8 when the bytes are valid
  /// UTF-8, UTF-16 when they start with its byte order mark (`FF FE` or `FE FF`, which no
  /// UTF-8 or Windows-1252 text starts with), and Windows-1252 when they are none of these and
  /// hold no NUL byte (a NUL means UTF-16 without a mark or a binary file, which no guess would
  /// read right). A UTF-8 byte order mark is kept, for the readers that skip it.
  /// - Throws: ``FormatError`` naming the first line that is not valid UTF-8.
  public static func decode(
    _ bytes: [UInt8], source: String, encoding: TextEncoding? = nil
  )
    throws(FormatError) -> DecodedText
  {
    let hasUTF16Mark = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    if encoding == .utf16 || (encoding == nil && hasUTF16Mark) {
      return DecodedText(text: try utf16(bytes, source: source), encoding: .utf16, detected: false)
    }
    let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
    switch encoding {
    case .utf8?:
      guard isUTF8 else { throw notUTF8(bytes, source: source) }
      return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, detected: false)
    case .windows1252?:
      return DecodedText(text: windows1252(bytes), encoding: .windows1252, detected: false)
    case .utf16?:
      return DecodedText(text: try utf16(bytes, source: source), encoding: .utf16, detected: false)
    case nil:
      if isUTF8 {
        return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, detected: false)
      }
      guard !bytes.contains(0) else { throw notUTF8(bytes, source: source) }
      return DecodedText(text: windows1252(bytes), encoding: .windows1252, detected: true)
    }
  }

  /// The 1-based line of the first byte sequence that is not UTF-8.
  public static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
    var lineStart = 0
    var line = 1
    for (offset, byte) in bytes.enumerated() where byte == 0x0A || offset == bytes.count - 1 {
      if String(validating: bytes[lineStart...offset], as: UTF8.self) == nil { return line }
      line += 1
      lineStart = offset + 1
    }
    return line
  }

  private static func notUTF8(_ bytes: [UInt8], source: String) -> FormatError {
    FormatError(
      FormatIssue(
        source: source, line: firstInvalidUTF8Line(bytes),
        message: "the file is not UTF-8 text" + (bytes.contains(0) ? " (it holds NUL bytes: UTF-16 or binary?)" : "")))
  }

  /// UTF-16 text: big-endian after `FE FF`, little-endian after `FF FE` or without a mark (as
  /// Windows writes it); the mark itself is dropped.
  /// - Throws: ``FormatError`` naming the line of an odd byte count or a lone surrogate.
  private static func utf16(_ bytes: [UInt8], source: String) throws(FormatError) -> String {
    let bigEndian = bytes.starts(with: [0xFE, 0xFF])
    let body = bytes.starts(with: [0xFF, 0xFE]) || bigEndian ? Array(bytes.dropFirst(2)) : bytes
    var units: [UInt16] = []
    units.reserveCapacity(body.count / 2)
    var offset = 0
    while offset + 1 < body.count {
      let (first, second) = (UInt16(body[offset]), UInt16(body[offset + 1]))
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      offset += 2
    }
    var scalars = String.UnicodeScalarView()
    var line = 1
    var decoder = UTF16()
    var iterator = units.makeIterator()
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        if scalar == "\n" { line += 1 }
        scalars.append(scalar)
      case .emptyInput:
        break decoding
      case .error:
        throw FormatError(FormatIssue(source: source, line: line, message: "the file is not UTF-16 text"))
      }
    }
    guard body.count % 2 == 0 else {
      throw FormatError(
        FormatIssue(source: source, line: line, message: "the file is not UTF-16 text (odd byte count)"))
    }
    return String(scalars)
  }

  /// Windows-1252 is Latin-1 except for 0x80–0x9F, where it puts `€`, `œ`, typographic
  /// quotes and dashes; the five bytes it leaves undefined become the C1 controls of the same
  /// value, as browsers read them.
  private static func windows1252(_ bytes: [UInt8]) -> String {
    var scalars = String.UnicodeScalarView()
    for byte in bytes {
      if (0x80...0x9F).contains(byte) {
        scalars.append(Unicode.Scalar(upper[Int(byte) - 0x80]) ?? Unicode.Scalar(byte))
      } else {
        scalars.append(Unicode.Scalar(byte))
      }
    }
    return String(scalars)
  }

  private static let upper: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
  ]
}
