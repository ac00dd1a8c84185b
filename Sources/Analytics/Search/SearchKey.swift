import Foundation

/// Text reduced to what people mean when they type it: lower case, without accents, with one
/// kind of apostrophe, dashes read as spaces and single spaces, so that `hebergement` finds
/// `Hébergement`, `ile de france` finds `Île-de-France` and `pension de famille r` starts
/// both the name `Pension de famille – Rennes` and the id `pension-de-famille-rennes`.
///
/// ```swift
/// SearchKey("Pension de famille – Rennes").text   // "pension de famille rennes"
/// SearchKey("Œuvre").text                        // "oeuvre"
/// ```
public struct SearchKey: Sendable, Hashable {
  /// The folded text.
  public let text: String

  public init(_ text: String) {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    var result = ""
    result.reserveCapacity(folded.utf8.count)
    var pendingSpace = false
    for character in folded {
      let replacement: String
      switch character {
      case "œ": replacement = "oe"
      case "æ": replacement = "ae"
      case "’", "‘", "`", "´": replacement = "'"
      default: replacement = String(character)
      }
      if character.isWhitespace || Self.dashes.contains(character) {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace { result.append(" ") }
      pendingSpace = false
      result += replacement
    }
    self.text = result
  }

  /// Characters read as a space: ids and names separate words with them.
  static let dashes: Set<Character> = ["-", "–", "—", "‐", "‑", "−", "_"]

  /// The words of the text, for searches where every word must appear.
  public var words: [Substring] { text.split(separator: " ") }

  /// Whether `other` occurs in this text.
  public func contains(_ other: SearchKey) -> Bool {
    other.text.isEmpty || text.contains(other.text)
  }

  /// Whether `other` starts this text.
  public func hasPrefix(_ other: SearchKey) -> Bool { text.hasPrefix(other.text) }

  /// How many single-character insertions, deletions or substitutions turn this text into
  /// `other` (Levenshtein), to rank values by how close they are to what was typed.
  public func distance(to other: SearchKey) -> Int {
    let source = Array(text.unicodeScalars)
    let target = Array(other.text.unicodeScalars)
    if source.isEmpty { return target.count }
    if target.isEmpty { return source.count }
    var previous = Array(0...target.count)
    var current = [Int](repeating: 0, count: target.count + 1)
    for (i, scalar) in source.enumerated() {
      current[0] = i + 1
      for (j, other) in target.enumerated() {
        current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (scalar == other ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[target.count]
  }
}
