/// The longest text each field may hold, and the characters no text may hold: one place, so
/// that the validator, the daemon and `docs/formats.md` (*Limits*) agree.
///
/// Lengths count Unicode scalars (code points): `é` written as one code point counts 1.
/// A text over its limit is refused (rule `text_too_long`) naming the field and the limit; so
/// is a text holding a control character (rule `text_control_character`): C0 controls
/// (U+0001–U+001F, newline and tab included), DEL (U+007F), C1 controls (U+0080–U+009F) and the
/// bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which would let a
/// value recolour a terminal, rewrite a log line or reorder what a reader sees. NUL keeps its
/// own rule (`text_contains_nul`). The JSON text of `extra` may hold JSON's own whitespace
/// (tab, newline, carriage return) between its tokens.
///
/// ```swift
/// if let problem = TextLimits.problem(in: project.name, limit: TextLimits.name) { ... }
/// ```
public enum TextLimits {
  /// Ids of projects, outcomes, schemes, domains, criteria and risk types, and rater ids.
  public static let identifier = IdentifierSyntax.maximumLength
  /// A project's name.
  public static let name = 300
  /// A project's programme.
  public static let programme = 200
  /// A project's territory.
  public static let territory = 200
  /// An outcome's indicator.
  public static let indicator = 300
  /// An indicator's unit.
  public static let unit = 50
  /// A rating's comment.
  public static let comment = 4_000
  /// A project's `extra` JSON text.
  public static let extra = 20_000
  /// A scheme's label of a criterion or a domain, in each language.
  public static let label = 200
  /// A scheme's text of a rubric level, in each language.
  public static let levelText = 500
  /// An observation's source.
  public static let observationSource = 500
  /// An observation's period (`2026-01-01/2026-06-30` has 21).
  public static let observationPeriod = 40
  /// Who recorded an observation.
  public static let recordedBy = 200
  /// A search query (`ListProjects.query`).
  public static let query = 500

  /// Every limited field and its limit, in the order `docs/formats.md` lists them.
  public static let fields: [(field: String, limit: Int)] = [
    ("id (project, outcome, scheme, domain, criterion, risk type), rater", identifier),
    ("name", name), ("programme", programme), ("territory", territory),
    ("outcomes[].indicator", indicator), ("outcomes[].unit", unit), ("ratings[].comment", comment),
    ("extra", extra), ("scheme label (fr, en)", label), ("scheme rubric level (fr, en)", levelText),
    ("observation.source", observationSource), ("observation.period", observationPeriod),
    ("observation.recorded_by", recordedBy), ("query (search)", query),
  ]

  /// What is wrong with a text.
  public enum Problem: Sendable, Hashable {
    /// Longer than `limit`: `length` is its length in code points.
    case tooLong(length: Int, limit: Int)
    /// Holds NUL (U+0000).
    case nul
    /// Holds `scalar`, a forbidden character, at `position` (1-based, in code points).
    case controlCharacter(scalar: Unicode.Scalar, position: Int)
  }

  /// The first problem of `text` for a field of `limit` code points, or nil. Cheap on a text
  /// of any size: the length is judged from the UTF-8 size first, and characters are only
  /// examined once the length is known to be within the limit.
  public static func problem(in text: String, limit: Int, allowingJSONWhitespace: Bool = false) -> Problem? {
    if let length = excessLength(of: text, limit: limit) { return .tooLong(length: length, limit: limit) }
    var position = 0
    for scalar in text.unicodeScalars {
      position += 1
      if scalar.value == 0 { return .nul }
      if isForbidden(scalar), !(allowingJSONWhitespace && (scalar == "\t" || scalar == "\n" || scalar == "\r")) {
        return .controlCharacter(scalar: scalar, position: position)
      }
    }
    return nil
  }

  /// The length of `text` in code points when it is over `limit`, nil otherwise. Counts at
  /// most `4 × limit` bytes: a longer text is reported by its UTF-8 size divided by 4 at
  /// least, which is enough to say it is too long.
  public static func excessLength(of text: String, limit: Int) -> Int? {
    let bytes = text.utf8.count
    if bytes <= limit { return nil }
    if bytes > 4 * limit {
      // Too long whatever it holds; the exact count is cheap enough up to a few MiB and says
      // what the caller sent.
      return bytes <= 16 * 1_048_576 ? text.unicodeScalars.count : bytes / 4
    }
    let length = text.unicodeScalars.count
    return length > limit ? length : nil
  }

  /// Whether `scalar` may not appear in a text: a C0 or C1 control, DEL, or a bidirectional
  /// override or isolate.
  public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }

  /// `U+001B`: how messages name a character.
  public static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// `text` with every forbidden character written as an escape (`\n`, `\u{1B}`), so that it
  /// can be quoted in a message, a log line or a terminal without acting on it.
  public static func escaped(_ text: some StringProtocol) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where isForbidden(scalar):
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
