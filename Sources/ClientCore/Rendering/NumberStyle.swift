import Foundation

/// How a number is shown to people. Rounding is for display only: JSON and CSV keep full
/// precision.
enum NumberStyle: Sendable {
  /// A 0-100 score, one decimal.
  case score
  /// A 0-4 dimension or rating, two decimals.
  case dimension
  /// A 0-1 fraction shown as a percentage with one decimal.
  case percent
  /// A small 0-1 fraction (under 1 %) shown as a percentage with three decimals.
  case smallPercent
  /// Euros, no decimals, thousands separated.
  case amount
  /// A count or an id-like number.
  case integer
  /// Any other figure, with this many decimals.
  case decimals(Int)

  /// `value` for people, in the conventions of `language`.
  func format(_ value: Double, language: DisplayLanguage) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "-∞") }
    switch self {
    case .score: return Self.fixed(value, places: 1, language: language)
    case .dimension: return Self.fixed(value, places: 2, language: language)
    case .percent:
      let number = Self.fixed(value * 100, places: 1, language: language)
      return language == .fr ? number + " %" : number + "%"
    case .smallPercent:
      let number = Self.fixed(value * 100, places: 3, language: language)
      return language == .fr ? number + " %" : number + "%"
    case .amount: return Self.fixed(value, places: 0, language: language)
    case .integer: return Self.fixed(value, places: 0, language: language)
    case .decimals(let places): return Self.fixed(value, places: places, language: language)
    }
  }

  /// `value` rounded to `places` decimals with grouped thousands: `1,234,567.8` in English,
  /// `1 234 567,8` in French.
  static func fixed(_ value: Double, places: Int, language: DisplayLanguage) -> String {
    let text = String(format: "%.\(places)f", value)
    let negative = text.hasPrefix("-")
    let unsigned = negative ? String(text.dropFirst()) : text
    let parts = unsigned.split(separator: ".", maxSplits: 1)
    let integer = String(parts[0])
    var grouped = ""
    for (offset, character) in integer.enumerated() {
      if offset > 0, (integer.count - offset) % 3 == 0 { grouped.append(language == .fr ? " " : ",") }
      grouped.append(character)
    }
    if parts.count == 2 { grouped += (language == .fr ? "," : ".") + parts[1] }
    let isZero = !grouped.contains { $0 != "0" && $0 != "," && $0 != "." && $0 != " " }
    return negative && !isZero ? "-" + grouped : grouped
  }

  /// `value` at full precision for CSV: no grouping, `.` as decimal point, integers without `.0`.
  static func raw(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
