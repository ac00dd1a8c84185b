/// Numbers as people type them and spreadsheets write them: `380000`, `380 000` (with a
/// space, a no-break space U+00A0 or a narrow no-break space U+202F, as French Excel and
/// macOS Numbers write them), `380.000,50`, `1,234.5`, `12,5`, `-0.125`, `1.5e3`.
///
/// Text whose meaning is unclear is refused rather than guessed: `1,234` may be one thousand
/// two hundred and thirty-four or one point two three four. Every refusal names the
/// invisible characters the text holds (`U+00A0 no-break space`), because a number that looks
/// right on screen and is refused baffles whoever typed it.
///
/// ```swift
/// try DecimalText.parse("380 000,50")                    // 380000.5
/// try DecimalText.parse("1,234")                         // throws .ambiguous
/// try DecimalText.parse("1,234", decimalSeparator: ",")  // 1.234 (a French spreadsheet)
/// try DecimalText.parse("1.234", decimalSeparator: ",")  // 1234
/// ```
public enum DecimalText {
  /// The spaces accepted between groups of three digits.
  public static let groupSpaces: Set<Unicode.Scalar> = [" ", "\u{00A0}", "\u{202F}"]

  /// Reads `text` as a finite number.
  ///
  /// - Parameters:
  ///   - text: the number as typed; leading and trailing spaces are ignored.
  ///   - decimalSeparator: the separator the source is known to use for decimals (`","` for a
  ///     file from a French spreadsheet, `"."` for one of ours), which settles `1,234` and
  ///     `1.234`: that mark is the decimal one, the other groups thousands. `nil` when unknown: then a lone `.` is a decimal point (the exchange formats
  ///     use it) and a lone `,` followed by exactly three digits is ambiguous.
  public static func parse(
    _ text: String, decimalSeparator: Character? = nil
  ) throws(DecimalTextError)
    -> Double
  {
    func failure(_ reason: DecimalTextError.Reason) -> DecimalTextError {
      DecimalTextError(text: text, reason: reason)
    }
    var scalars = Array(text.unicodeScalars)
    while let first = scalars.first, isPadding(first) { scalars.removeFirst() }
    while let last = scalars.last, isPadding(last) { scalars.removeLast() }
    guard !scalars.isEmpty else { throw failure(.empty) }

    var negative = false
    if let first = scalars.first, first == "-" || first == "+" || first == "\u{2212}" {
      negative = first != "+"
      scalars.removeFirst()
    }
    var exponent: [Unicode.Scalar] = []
    var exponentSign = ""
    if let e = scalars.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponent = Array(scalars[(e + 1)...])
      scalars = Array(scalars[..<e])
      if let sign = exponent.first, sign == "-" || sign == "+" {
        exponentSign = sign == "-" ? "-" : ""
        exponent.removeFirst()
      }
      guard !exponent.isEmpty, exponent.allSatisfy(isDigit) else {
        throw failure(.notANumber)
      }
    }
    for scalar in scalars
    where !isDigit(scalar) && scalar != "." && scalar != ","
      && !groupSpaces.contains(scalar)
    {
      throw failure(
        DecimalTextError.isInvisible(scalar) ? .invisibleCharacter(scalar) : .notANumber)
    }
    guard scalars.contains(where: isDigit) else { throw failure(.notANumber) }

    let points = scalars.filter { $0 == "." }.count
    let commas = scalars.filter { $0 == "," }.count
    let spaced = scalars.contains { groupSpaces.contains($0) }
    // Decide which mark, if any, separates the decimals; every other separator groups digits.
    var decimal: Unicode.Scalar?
    if points > 0 && commas > 0 {
      let last = scalars.last { $0 == "." || $0 == "," }!
      guard (last == "." ? points : commas) == 1 else { throw failure(.misplacedSeparator) }
      decimal = last
    } else if points + commas > 1 {
      decimal = nil  // `1.234.567` or `1,234,567`: only grouping.
    } else if points + commas == 1 {
      let mark: Unicode.Scalar = points == 1 ? "." : ","
      let index = scalars.firstIndex(of: mark)!
      let before = scalars[..<index].filter(isDigit)
      let after = scalars[(index + 1)...]
      let looksGrouped =
        !spaced && exponent.isEmpty && after.count == 3 && after.allSatisfy(isDigit)
        && (1...3).contains(before.count) && before.first != "0"
      if !looksGrouped || spaced {
        decimal = mark
      } else if let decimalSeparator {
        // The source's convention settles it: its own mark is decimal, the other groups.
        decimal = Character(mark) == decimalSeparator ? mark : nil
      } else if mark == "." {
        decimal = mark
      } else {
        throw failure(.ambiguous(Character(mark)))
      }
    }

    var integerPart = scalars
    var fraction: [Unicode.Scalar] = []
    if let decimal, let index = scalars.firstIndex(of: decimal) {
      integerPart = Array(scalars[..<index])
      fraction = Array(scalars[(index + 1)...])
      guard fraction.allSatisfy(isDigit) else { throw failure(.misplacedSeparator) }
    }
    let digits = try groupedDigits(integerPart, text: text)
    guard !digits.isEmpty || !fraction.isEmpty else { throw failure(.notANumber) }
    guard exponent.isEmpty || integerPart.allSatisfy(isDigit) else {
      throw failure(.misplacedSeparator)
    }

    var literal = String(String.UnicodeScalarView(digits.isEmpty ? ["0"] : digits))
    if !fraction.isEmpty { literal += "." + String(String.UnicodeScalarView(fraction)) }
    if !exponent.isEmpty {
      literal += "e" + exponentSign + String(String.UnicodeScalarView(exponent))
    }
    guard let magnitude = Double(literal), magnitude.isFinite else {
      throw failure(.outOfRange)
    }
    return negative ? -magnitude : magnitude
  }

  /// The digits of an integer part whose groups of three may be separated by one kind of
  /// separator (a space of ``groupSpaces``, `.` or `,`), checking the groups.
  private static func groupedDigits(
    _ scalars: [Unicode.Scalar], text: String
  )
    throws(DecimalTextError) -> [Unicode.Scalar]
  {
    let separators = Set(scalars.filter { !isDigit($0) })
    guard !separators.isEmpty else { return scalars }
    // Spaces of different kinds are all spaces to the reader; a space and a mark are not.
    let marks = separators.subtracting(groupSpaces)
    guard marks.count + (separators.count > marks.count ? 1 : 0) == 1 else {
      throw DecimalTextError(text: text, reason: .misplacedSeparator)
    }
    var groups: [[Unicode.Scalar]] = [[]]
    for scalar in scalars {
      if isDigit(scalar) { groups[groups.count - 1].append(scalar) } else { groups.append([]) }
    }
    guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 })
    else {
      throw DecimalTextError(text: text, reason: .misplacedSeparator)
    }
    return groups.flatMap { $0 }
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
  }

  /// Spaces around a number that nobody means as part of it.
  private static func isPadding(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || groupSpaces.contains(scalar)
  }
}

/// Why a text is not a number, with the text and the invisible characters it holds.
public struct DecimalTextError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    case empty
    /// Letters or symbols that are no part of a number.
    case notANumber
    /// A character that shows as nothing or as a space, and is not a digit separator.
    case invisibleCharacter(Unicode.Scalar)
    /// `1,234` without knowing the source's decimal separator.
    case ambiguous(Character)
    /// Groups that are not of three digits, two decimal marks, a mark after the decimals.
    case misplacedSeparator
    case outOfRange
  }

  /// The text as given.
  public var text: String
  public var reason: Reason

  public init(text: String, reason: Reason) {
    self.text = text
    self.reason = reason
  }

  /// For an ambiguous text, how to write each reading without doubt: `1,234` is `1234` or
  /// `1.234`.
  public var readings: (grouped: String, decimal: String) {
    let kept = text.filter { $0.isNumber || $0 == "," || $0 == "." || $0 == "-" }
    return (kept.filter { $0 != "," && $0 != "." }, String(kept.map { $0 == "," ? "." : $0 }))
  }

  /// The invisible or space-like characters of `text` other than the ASCII space, in order of
  /// first appearance, as `U+00A0`; a message about the text should name them.
  public var invisibleCharacters: [Unicode.Scalar] {
    var seen: [Unicode.Scalar] = []
    for scalar in text.unicodeScalars
    where scalar != " " && (Self.isInvisible(scalar) || DecimalText.groupSpaces.contains(scalar))
      && !seen.contains(scalar)
    {
      seen.append(scalar)
    }
    return seen
  }

  /// `U+00A0`.
  public static func code(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }

  /// The Unicode name, in lower case, of the invisible characters people meet in numbers;
  /// nil for others.
  public static func englishName(_ scalar: Unicode.Scalar) -> String? {
    switch scalar.value {
    case 0x09: "tab"
    case 0x20: "space"
    case 0xA0: "no-break space"
    case 0x202F: "narrow no-break space"
    case 0x2007: "figure space"
    case 0x2009: "thin space"
    case 0x200A: "hair space"
    case 0x2002...0x2006, 0x2008: "space"
    case 0x200B: "zero width space"
    case 0x200C: "zero width non-joiner"
    case 0x200D: "zero width joiner"
    case 0x200E: "left-to-right mark"
    case 0x200F: "right-to-left mark"
    case 0x2060: "word joiner"
    case 0xFEFF: "zero width no-break space (byte order mark)"
    case 0xAD: "soft hyphen"
    default: nil
    }
  }

  /// `U+00A0 no-break space`.
  public static func englishDescription(_ scalar: Unicode.Scalar) -> String {
    code(scalar) + (englishName(scalar).map { " " + $0 } ?? "")
  }

  /// Characters that a reader cannot see, or sees as a plain space.
  public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator:
      true
    default:
      englishName(scalar) != nil
    }
  }

  /// The catalogue key of the message (`format.number.ambiguous`): the CLI says it in the
  /// reader's language with ``catalogueValues``, and adds `format.number.contains` naming
  /// the `characters` when there are any.
  public var catalogueKey: String {
    switch reason {
    case .empty, .notANumber: "format.number.not_a_number"
    case .invisibleCharacter: "format.number.invisible"
    case .ambiguous: "format.number.ambiguous"
    case .misplacedSeparator: "format.number.grouping"
    case .outOfRange: "format.number.out_of_range"
    }
  }

  /// The placeholders of ``catalogueKey``: `text`, and as fits `character` (`U+200B`),
  /// `mark`, `grouped` and `decimal` (the two readings), `characters` (the invisible
  /// characters' codes, comma-separated).
  public var catalogueValues: [String: String] {
    var values = ["text": text]
    switch reason {
    case .invisibleCharacter(let scalar): values["character"] = Self.code(scalar)
    case .ambiguous(let mark):
      values["mark"] = String(mark)
      values["grouped"] = readings.grouped
      values["decimal"] = readings.decimal
    default: break
    }
    if case .invisibleCharacter = reason {
    } else if !invisibleCharacters.isEmpty {
      values["characters"] = invisibleCharacters.map(Self.code).joined(separator: ",")
    }
    return values
  }

  /// The English message, naming the invisible characters; the CLI shows the catalogue's.
  public var description: String {
    var message: String
    switch reason {
    case .empty: message = "\"\(text)\" is not a number: it is empty"
    case .notANumber: message = "\"\(text)\" is not a number"
    case .invisibleCharacter(let scalar):
      message =
        "\"\(text)\" is not a number: it contains \(Self.englishDescription(scalar)), which is no digit separator"
    case .ambiguous(let mark):
      let name = mark == "," ? "comma" : "point"
      message =
        "\"\(text)\" is ambiguous: the \(name) may separate thousands or decimals; write \(readings.grouped) or \(readings.decimal)"
    case .misplacedSeparator:
      message =
        "\"\(text)\" is not a number: thousands separators must separate groups of three digits, before one decimal separator"
    case .outOfRange: message = "\"\(text)\" is out of range"
    }
    if case .invisibleCharacter = reason { return message }
    let invisible = invisibleCharacters
    if !invisible.isEmpty {
      message += " (it contains " + invisible.map(Self.englishDescription).joined(separator: ", ") + ")"
    }
    return message
  }
}
