/// How many terminal columns a text takes: what aligning tables needs, where `String.count`
/// (characters) and `utf8.count` (bytes) are both wrong.
///
/// A character (grapheme cluster) takes one column, two when it is East Asian wide or
/// full-width or an emoji shown as a picture, none when it is only combining marks or format
/// characters (a zero-width joiner, a soft hyphen). `é` takes one column whether it is one
/// scalar or `e` and a combining accent; `👩‍👩‍👧` (three emoji joined by zero-width joiners)
/// takes two.
enum DisplayWidth {
  /// The columns `text` takes on one line.
  static func of(_ text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// The columns one character takes: 0, 1 or 2.
  static func of(_ character: Character) -> Int {
    if character.isASCII { return character == "\u{7F}" || character.asciiValue.map({ $0 < 0x20 }) == true ? 0 : 1 }
    var visible = false
    for scalar in character.unicodeScalars {
      if isWide(scalar) { return 2 }
      if !isZeroWidth(scalar) { visible = true }
    }
    if visible, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }),
      character.unicodeScalars.first?.properties.isEmoji == true
    {
      // VS16 asks for the emoji (picture) form of a character such as ❤.
      return 2
    }
    return visible ? 1 : 0
  }

  private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return true
    default: return scalar.value == 0x200B || (0x1160...0x11FF).contains(scalar.value)
    }
  }

  /// East Asian Wide (W) and Fullwidth (F) ranges, and emoji presented as pictures.
  private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    guard value >= 0x1100 else { return false }
    if scalar.properties.isEmojiPresentation { return true }
    switch value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
      0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
      0x20000...0x2FFFD, 0x30000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
