public import Foundation

/// A moment of the portfolio's history, as a read asks for it.
public enum PointInTime: Sendable, Hashable {
  /// The portfolio as it stands.
  case now
  /// A named snapshot.
  case snapshot(String)
  /// A revision.
  case revision(Int64)
  /// The last revision committed at or before an instant.
  case time(Date)
  /// The end of a calendar day (`YYYY-MM-DD`, with an optional UTC offset).
  case date(String)
}

/// Which scheme scores a past state.
public enum SchemeChoice: Sendable, Hashable {
  /// The scheme active at that moment (a snapshot's frozen scheme).
  case then
  /// Today's active scheme.
  case current
}

/// A calendar day with the offset it is read in: its start and its end as instants.
package struct DayBounds: Sendable, Hashable {
  /// The first instant of the day.
  package var start: Date
  /// The first instant of the next day.
  var end: Date

  /// Reads `YYYY-MM-DD`, optionally followed by `Z` or an offset `+HH:MM` / `-HH:MM`; `nil`
  /// for anything else (an impossible day included).
  package init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 10 || bytes.count == 11 || bytes.count == 16 else { return nil }
    func number(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for byte in bytes[from..<(from + count)] {
        guard byte >= 48 && byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      return value
    }
    guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = number(0, 4), let month = number(5, 2), let day = number(8, 2)
    else { return nil }
    var offsetSeconds = 0
    if bytes.count == 11 {
      guard bytes[10] == UInt8(ascii: "Z") else { return nil }
    } else if bytes.count == 16 {
      let sign = bytes[10]
      guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: ":"),
        let hours = number(11, 2), let minutes = number(14, 2), hours <= 18, minutes < 60
      else { return nil }
      offsetSeconds = (hours * 3600 + minutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    let components = DateComponents(year: year, month: month, day: day)
    guard (1...12).contains(month), (1...31).contains(day), components.isValidDate(in: calendar),
      let midnight = calendar.date(from: components)
    else { return nil }
    start = midnight.addingTimeInterval(TimeInterval(-offsetSeconds))
    end = start.addingTimeInterval(86_400)
  }
}
