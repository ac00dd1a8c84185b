public import Foundation

/// The first and last instant of an observation period (`2026`, `2026-S1`, `2026-Q3`,
/// `2026-07`, `2026-01-01`, `2026-01-01/2026-06-30`), in UTC, as CIDS's `prov:startedAtTime`
/// and `prov:endedAtTime` need them.
public enum CIDSPeriod {
  /// `(start, end)` as `xsd:dateTime` texts (`2026-01-01T00:00:00Z`, `2026-06-30T23:59:59Z`),
  /// or nil when `period` is not one of the accepted forms.
  public static func bounds(of period: String) -> (start: String, end: String)? {
    guard let canonical = ObservationPeriod.canonical(period), !canonical.isEmpty else { return nil }
    let parts = canonical.split(separator: "/")
    if parts.count == 2 { return ("\(parts[0])T00:00:00Z", "\(parts[1])T23:59:59Z") }
    let fields = canonical.split(separator: "-").map(String.init)
    guard let year = Int(fields[0]) else { return nil }
    func lastDay(_ month: Int) -> Int {
      switch month {
      case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
      case 4, 6, 9, 11: return 30
      default: return 31
      }
    }
    func range(_ first: Int, _ last: Int) -> (String, String) {
      (
        String(format: "%04d-%02d-01T00:00:00Z", year, first),
        String(format: "%04d-%02d-%02dT23:59:59Z", year, last, lastDay(last))
      )
    }
    switch fields.count {
    case 1:
      return range(1, 12)
    case 2:
      let second = fields[1]
      if second.hasPrefix("S"), let half = Int(second.dropFirst()) { return range(half * 6 - 5, half * 6) }
      if second.hasPrefix("Q"), let quarter = Int(second.dropFirst()) { return range(quarter * 3 - 2, quarter * 3) }
      guard let month = Int(second) else { return nil }
      return range(month, month)
    default:
      return ("\(canonical)T00:00:00Z", "\(canonical)T23:59:59Z")
    }
  }

  /// `date` as an `xsd:dateTime` in UTC, to the second.
  public static func dateTime(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
