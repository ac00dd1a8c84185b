import Foundation
import SwiftProtobuf

/// Times and durations for people and scripts: ISO 8601 in UTC, durations as `1d 2h 3m 4s`.
enum TimeText {
  static func iso8601(_ timestamp: Google_Protobuf_Timestamp) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: timestamp.date)
  }

  /// A time the user typed: an ISO 8601 date (`2026-09-30`, midnight UTC) or date-time
  /// (`2026-09-30T08:00`, `2026-09-30T08:00:00Z`, `2026-09-30T10:00:00.5+02:00`; UTC when no
  /// offset is given). Nil when the text is none of these or names no real day or time.
  static func parse(_ text: String) -> Date? {
    let pattern =
      #"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"#
    guard let expression = try? NSRegularExpression(pattern: pattern),
      let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    else { return nil }
    func group(_ index: Int) -> String? {
      Range(match.range(at: index), in: text).map { String(text[$0]) }
    }
    func number(_ index: Int) -> Int { group(index).flatMap { Int($0) } ?? 0 }
    var calendar = Calendar(identifier: .gregorian)
    guard let utc = TimeZone(identifier: "UTC") else { return nil }
    calendar.timeZone = utc
    let components = DateComponents(
      calendar: calendar, timeZone: utc, year: number(1), month: number(2), day: number(3),
      hour: number(4), minute: number(5), second: number(6))
    guard components.isValidDate, number(4) < 24, number(5) < 60, number(6) < 60,
      let date = calendar.date(from: components)
    else { return nil }
    let fraction = group(7).flatMap { Double("0" + $0) } ?? 0
    var offsetSeconds = 0
    if let zone = group(8), zone != "Z" {
      let digits = zone.dropFirst().filter(\.isNumber)
      guard let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)), hours < 24, minutes < 60 else {
        return nil
      }
      offsetSeconds = (hours * 3600 + minutes * 60) * (zone.hasPrefix("-") ? -1 : 1)
    }
    return date.addingTimeInterval(fraction - Double(offsetSeconds))
  }

  /// `seconds` as days, hours, minutes and seconds: `1d 2h 3m 4s` in English, `1 j 2 h 3 min 4 s`
  /// in French.
  static func duration(seconds: Double, language: DisplayLanguage = .en) -> String {
    var remaining = Int(max(0, seconds.rounded(.down)))
    let days = remaining / 86_400
    remaining %= 86_400
    let hours = remaining / 3_600
    remaining %= 3_600
    let minutes = remaining / 60
    let secondsPart = remaining % 60
    let units = language == .fr ? [" j", " h", " min", " s"] : ["d", "h", "m", "s"]
    var parts: [String] = []
    if days > 0 { parts.append("\(days)\(units[0])") }
    if hours > 0 || !parts.isEmpty { parts.append("\(hours)\(units[1])") }
    if minutes > 0 || !parts.isEmpty { parts.append("\(minutes)\(units[2])") }
    parts.append("\(secondsPart)\(units[3])")
    return parts.joined(separator: " ")
  }
}
