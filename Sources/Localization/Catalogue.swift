/// Every text a person reads, in every language: one catalogue per language
/// (`Catalogue+English.swift`, `Catalogue+French.swift`), with the same keys.
///
/// A key names where the text is used (`score.field.composite`, `error.file.unreadable`). A
/// text may hold named placeholders in braces (`{path}`), which every language must use alike;
/// `LocalizationTests` checks both catalogues have the same keys and placeholders, and that
/// every key the sources use exists.
public enum Catalogue {
  /// The catalogue of `language`.
  public static func entries(_ language: Language) -> [String: String] {
    switch language {
    case .en: english
    case .fr: french
    }
  }

  /// The text of `key` in `language` with its placeholders filled; the key itself when no
  /// catalogue has it, so that a missing text shows as what it is rather than crashing.
  public static func text(_ key: String, _ language: Language, _ values: [String: String] = [:]) -> String {
    let template = entries(language)[key] ?? english[key] ?? key
    return fill(template, values)
  }

  /// `template` with each `{name}` replaced by `values[name]`; unknown names stay as written.
  static func fill(_ template: String, _ values: [String: String]) -> String {
    guard !values.isEmpty, template.contains("{") else { return template }
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let afterOpen = rest.index(after: open)
      guard let close = rest[afterOpen...].firstIndex(of: "}") else {
        rest = rest[open...]
        break
      }
      let name = String(rest[afterOpen..<close])
      if let value = values[name] { result += value } else { result += rest[open...close] }
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }

  /// The placeholder names of `template`, for the catalogue checks. A name is made of letters,
  /// digits, `_`, `-` and `.`: braces around anything else are text, such as the subscripts of
  /// a formula (`Σ_{c rated}`, `Σ_{t=0}^{T−1}`), which a language may write its own way.
  public static func placeholders(_ template: String) -> Set<String> {
    var names: Set<String> = []
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      let afterOpen = rest.index(after: open)
      guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
      let name = rest[afterOpen..<close]
      if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }) {
        names.insert(String(name))
      }
      rest = rest[rest.index(after: close)...]
    }
    return names
  }
}

/// Texts in one language: `localizer("key", ["name": value])`.
public struct Localizer: Sendable, Hashable {
  public var language: Language

  public init(_ language: Language) {
    self.language = language
  }

  public func callAsFunction(_ key: String, _ values: [String: String] = [:]) -> String {
    Catalogue.text(key, language, values)
  }
}
