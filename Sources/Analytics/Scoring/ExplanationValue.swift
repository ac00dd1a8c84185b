import Foundation

/// A value shown in a score explanation: a number, a text (an id), a word (a class, yes), or
/// absent.
public enum ExplanationValue: Sendable, Hashable, CustomStringConvertible {
  case number(Double)
  case text(String)
  /// A word, in English, with a stable key (`depth_class.moderate`, `impact_class.harm`, `yes`)
  /// that a client can word in its language.
  case word(String, key: String)
  case absent

  /// `.number(value)` or `.absent` when `value` is `nil`.
  public init(_ value: Double?) {
    self = value.map(ExplanationValue.number) ?? .absent
  }

  public var number: Double? {
    if case .number(let value) = self { value } else { nil }
  }

  public var description: String {
    switch self {
    case .number(let value): Self.format(value)
    case .text(let text): text
    case .word(let text, _): text
    case .absent: "absent"
    }
  }

  /// Up to four decimals, trailing zeros dropped; whole euros for large amounts.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    if abs(value) >= 10_000 {
      return String(format: "%.0f", value)
    }
    var text = String(format: "%.4f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }
}
