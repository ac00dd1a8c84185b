public import Localization

/// Numbers as the reader of a report writes them: `1 234,5 €` in French (narrow no-break
/// spaces between thousands and before the unit), `€1,234.5` in English.
public struct ReportNumbers: Sendable {
  /// The reader's language.
  public var language: Language

  /// The narrow no-break space (U+202F) French typography puts between thousands and before
  /// `€` and `%`.
  public static let narrowSpace = "\u{202F}"

  /// Numbers for readers of `language`.
  public init(_ language: Language) {
    self.language = language
  }

  /// `value` rounded to `places` decimals with grouped thousands.
  public func decimal(_ value: Double, places: Int) -> String {
    guard value.isFinite else { return "–" }
    let scale = (0..<places).reduce(1.0) { product, _ in product * 10 }
    let rounded = (abs(value) * scale).rounded() / scale
    let negative = value < 0 && rounded != 0
    var integerPart = rounded.rounded(.towardZero)
    var fraction = ((rounded - integerPart) * scale).rounded()
    if fraction >= scale {
      integerPart += 1
      fraction -= scale
    }
    let digits = integerPart < 1e18 ? String(UInt64(integerPart)) : "\(integerPart)"
    let separator = language == .fr ? Self.narrowSpace : ","
    var grouped = ""
    for (offset, character) in digits.enumerated() {
      if offset > 0, (digits.count - offset) % 3 == 0 { grouped += separator }
      grouped.append(character)
    }
    if places > 0 {
      var fractionDigits = String(UInt64(fraction))
      while fractionDigits.count < places { fractionDigits = "0" + fractionDigits }
      grouped += (language == .fr ? "," : ".") + fractionDigits
    }
    return negative ? "−" + grouped : grouped
  }

  /// A whole number (a count of projects or outcomes).
  public func integer(_ value: Int) -> String { decimal(Double(value), places: 0) }

  /// Euros, without decimals: `1 234 567 €`, `€1,234,567`.
  public func amount(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    let number = decimal(abs(value), places: 0)
    let sign = value < 0 && number != "0" ? "−" : ""
    return language == .fr ? sign + number + Self.narrowSpace + "€" : sign + "€" + number
  }

  /// Euros in a short form for axes: `1,2 M€`, `€450k`.
  public func compactAmount(_ value: Double) -> String {
    let magnitude = abs(value)
    let sign = value < 0 ? "−" : ""
    let (scaled, suffixFR, suffixEN): (Double, String, String) =
      magnitude >= 1e6
      ? (magnitude / 1e6, "M€", "M") : magnitude >= 1e3 ? (magnitude / 1e3, "k€", "k") : (magnitude, "€", "")
    let places = scaled < 10 && scaled != scaled.rounded() ? 1 : 0
    let number = decimal(scaled, places: places)
    return language == .fr ? sign + number + Self.narrowSpace + suffixFR : sign + "€" + number + suffixEN
  }

  /// A 0-100 score, one decimal.
  public func score(_ value: Double) -> String { decimal(value, places: 1) }

  /// A 0-4 dimension, depth or rating, two decimals.
  public func dimension(_ value: Double) -> String { decimal(value, places: 2) }

  /// A 0-1 fraction as a percentage with `places` decimals: `12,3 %`, `12.3%`.
  public func percent(_ fraction: Double, places: Int = 1) -> String {
    let number = decimal(fraction * 100, places: places)
    return language == .fr ? number + Self.narrowSpace + "%" : number + "%"
  }

  /// A signed change: `+1,2`, `−0,5`, `0,0`.
  public func signed(_ text: String, _ value: Double) -> String {
    text.hasPrefix("−") || text.allSatisfy({ "0,. \u{202F}%€".contains($0) }) ? text : (value > 0 ? "+" + text : text)
  }
}
