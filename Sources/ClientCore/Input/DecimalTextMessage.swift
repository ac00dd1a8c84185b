import Analytics
import Localization

/// Says why a text is not a number (``DecimalTextError``) in the reader's language, naming
/// the invisible characters it holds: `« 1 234 5 » n'est pas un nombre (il contient U+00A0
/// espace insécable)`.
enum DecimalTextMessage {
  static func text(_ error: DecimalTextError, _ language: DisplayLanguage) -> String {
    text(key: error.catalogueKey, values: error.catalogueValues, language)
  }

  /// The text of a number problem's key and values, as ``FormatIssue`` carries them.
  static func text(key: String, values: [String: String], _ language: DisplayLanguage) -> String {
    let l = language.localizer
    var values = values
    if let code = values["character"] { values["character"] = characterName(code, language) }
    if let mark = values["mark"] {
      values["mark"] = mark == "," ? l("format.number.comma") : l("format.number.point")
    }
    var text = l(key, values)
    if let codes = values["characters"], !codes.isEmpty {
      let names = codes.split(separator: ",").map { characterName(String($0), language) }
      text += l("format.number.contains", ["characters": names.joined(separator: ", ")])
    }
    return text
  }

  /// `U+00A0 no-break space` / `U+00A0 espace insécable`; the code alone for a character
  /// the catalogues do not name.
  static func characterName(_ code: String, _ language: DisplayLanguage) -> String {
    let key = "format.character.\(code)"
    guard let name = Catalogue.entries(language == .fr ? .fr : .en)[key] else {
      guard let value = UInt32(code.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(value) else { return code }
      return DecimalTextError.englishDescription(scalar)
    }
    return code + " " + name
  }
}
