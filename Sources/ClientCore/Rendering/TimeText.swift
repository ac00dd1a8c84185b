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

  static func duration(seconds: Double) -> String {
    var remaining = Int(max(0, seconds.rounded(.down)))
    let days = remaining / 86_400
    remaining %= 86_400
    let hours = remaining / 3_600
    remaining %= 3_600
    let minutes = remaining / 60
    let secondsPart = remaining % 60
    var parts: [String] = []
    if days > 0 { parts.append("\(days)d") }
    if hours > 0 || !parts.isEmpty { parts.append("\(hours)h") }
    if minutes > 0 || !parts.isEmpty { parts.append("\(minutes)m") }
    parts.append("\(secondsPart)s")
    return parts.joined(separator: " ")
  }
}
