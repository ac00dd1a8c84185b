/// The syntax of every id in the formats: 1 to 64 ASCII letters, digits, `-`, `_` or `.`,
/// so ids are safe in file names, URLs and CSV cells without quoting. Rater ids also take
/// letters of any alphabet (``isValidRater(_:)``).
public enum IdentifierSyntax {
  public static let maximumLength = 64

  public static func isValid(_ id: String) -> Bool {
    let utf8 = id.utf8
    guard !utf8.isEmpty, utf8.count <= maximumLength else { return false }
    return utf8.allSatisfy { byte in
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
        UInt8(ascii: "."):
        true
      default:
        false
      }
    }
  }

  /// Whether `rater` is a valid rater id: 1 to 64 characters, each a letter of any alphabet
  /// (accents included: `amélie`, `Zoë`), a digit, `-`, `_` or `.`.
  ///
  /// Raters are committee members, and their ids are their names: an ASCII-only rule refused
  /// `Amélie`. Rater ids never become file names, so they need not be ASCII; spaces stay out
  /// so that an id is one word in a table, a CSV cell or a command line.
  public static func isValidRater(_ rater: String) -> Bool {
    // The UTF-8 size first: counting the characters of a huge text costs.
    guard !rater.isEmpty, rater.utf8.count <= 16 * maximumLength, rater.count <= maximumLength else { return false }
    return rater.unicodeScalars.allSatisfy { scalar in
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber,
        .nonspacingMark, .spacingMark:
        true
      default:
        scalar == "-" || scalar == "_" || scalar == "."
      }
    }
  }

  /// Why `rater` is invalid, for messages.
  static func raterExplanation(_ rater: String) -> String {
    if rater.isEmpty { return "a rater id must not be empty" }
    if rater.count > maximumLength {
      return "a rater id has at most \(maximumLength) characters (this one has \(rater.count))"
    }
    return "a rater id uses only letters (accents allowed), digits, '-', '_' and '.', without spaces"
  }

  /// Why `id` is invalid, for messages.
  static func explanation(_ id: String) -> String {
    if id.isEmpty { return "an id must not be empty" }
    if id.utf8.count > maximumLength {
      return "an id has at most \(maximumLength) characters (this one has \(id.utf8.count))"
    }
    return "an id uses only letters a–z, A–Z, digits, '-', '_' and '.'"
  }
}
