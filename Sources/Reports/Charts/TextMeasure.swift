/// Estimates how wide a text is drawn in the report's sans-serif system font, without a font
/// engine: a width per kind of character, on the generous side so that estimated layouts
/// leave room rather than overlap.
public enum TextMeasure {
  /// The estimated width of `text` at `fontSize` pixels.
  public static func width(_ text: String, fontSize: Double) -> Double {
    var units = 0.0
    for character in text {
      units += advance(character)
    }
    return units * fontSize
  }

  /// The advance of one character, in ems.
  static func advance(_ character: Character) -> Double {
    if "iljI.,;:'!|()[] ".contains(character) { return 0.32 }
    if "\u{202F}\u{00A0}".contains(character) { return 0.25 }
    if "mwMW@%".contains(character) { return 0.92 }
    if character.isUppercase { return 0.72 }
    if character.isNumber { return 0.58 }
    if "–—…".contains(character) { return 1.0 }
    return 0.6
  }

  /// `text` wrapped into lines no wider than `maxWidth`, at most `maxLines` of them: words are
  /// kept whole unless one alone is too wide; a text that needs more lines ends its last line
  /// with `…` and `truncated` is true, for the caller to give the full text as a tooltip.
  public static func wrap(
    _ text: String, maxWidth: Double, fontSize: Double, maxLines: Int = 3
  ) -> (lines: [String], truncated: Bool) {
    var lines: [String] = []
    var current = ""
    func fits(_ candidate: String) -> Bool { width(candidate, fontSize: fontSize) <= maxWidth }
    var words: [String] = []
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      // A word wider than a line is cut into pieces that fit.
      var piece = ""
      for character in word {
        if !piece.isEmpty, !fits(piece + String(character)) {
          words.append(piece)
          piece = ""
        }
        piece.append(character)
      }
      if !piece.isEmpty { words.append(piece) }
    }
    for word in words {
      let candidate = current.isEmpty ? word : current + " " + word
      if fits(candidate) || current.isEmpty {
        current = candidate
      } else {
        lines.append(current)
        current = word
      }
    }
    if !current.isEmpty { lines.append(current) }
    if lines.isEmpty { lines = [""] }
    guard lines.count > maxLines else { return (lines, false) }
    var kept = Array(lines.prefix(maxLines))
    var last = kept[maxLines - 1]
    while !last.isEmpty, !fits(last + "…") { last.removeLast() }
    kept[maxLines - 1] = last.trimmingSuffixSpaces() + "…"
    return (kept, true)
  }
}

extension String {
  func trimmingSuffixSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
