public import Foundation

/// The period an observation describes, in one of the forms a finance team reports in: a year
/// (`2026`), a half (`2026-S1`), a quarter (`2026-Q3`), a month (`2026-07`), a day
/// (`2026-01-01`) or a range of days (`2026-01-01/2026-06-30`).
///
/// Free text used to be accepted, and `T3 2026`, `Q3` or `sept.` could not be sorted, compared
/// or charted; a period is now checked where it is recorded, so every client is held to it.
public enum ObservationPeriod {
  /// The forms, as messages list them.
  public static let acceptedForms = "2026, 2026-S1, 2026-Q3, 2026-07, 2026-01-01, 2026-01-01/2026-06-30"

  /// `text` in its canonical spelling (`2026-s1` becomes `2026-S1`, surrounding spaces go),
  /// or nil when it is none of the accepted forms or names a day that does not exist. An empty
  /// text stays empty: the period is optional.
  public static func canonical(_ text: String) -> String? {
    let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
    if trimmed.isEmpty { return "" }
    let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count == 2 {
      guard let start = day(parts[0]), let end = day(parts[1]), start <= end else { return nil }
      return trimmed
    }
    guard parts.count == 1 else { return nil }
    let fields = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    guard let year = fields.first, isYear(year) else { return nil }
    switch fields.count {
    case 1:
      return trimmed
    case 2:
      let second = fields[1]
      if second.count == 2, let kind = second.first, let number = second.last?.wholeNumberValue {
        if kind == "S", (1...2).contains(number) { return trimmed }
        if kind == "Q", (1...4).contains(number) { return trimmed }
      }
      if second.count == 2, isDigits(second), let month = Int(second), (1...12).contains(month) { return trimmed }
      return nil
    case 3:
      return day(Substring(trimmed)) == nil ? nil : trimmed
    default:
      return nil
    }
  }

  /// The first day of the period `text` as a comparable number (`2026-Q3` gives `20260701`),
  /// nil when it is empty or not an accepted form.
  public static func startDay(_ text: String) -> Int? {
    guard let period = canonical(text), !period.isEmpty else { return nil }
    let first = period.split(separator: "/")[0]
    if let start = day(first) { return start }
    let fields = first.split(separator: "-")
    guard let year = Int(fields[0]) else { return nil }
    guard fields.count == 2 else { return year * 10_000 + 101 }
    let second = fields[1]
    let month: Int
    switch second.first {
    case "S": month = (second.last?.wholeNumberValue ?? 1) == 1 ? 1 : 7
    case "Q": month = ((second.last?.wholeNumberValue ?? 1) - 1) * 3 + 1
    default: month = Int(second) ?? 1
    }
    return year * 10_000 + month * 100 + 1
  }

  /// `date`'s day in UTC as a comparable number (`20261128`), to compare with ``startDay(_:)``.
  public static func day(of date: Date) -> Int {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return (parts.year ?? 0) * 10_000 + (parts.month ?? 0) * 100 + (parts.day ?? 0)
  }

  /// Whether `text` is an accepted period (or empty).
  public static func isValid(_ text: String) -> Bool { canonical(text) != nil }

  private static func isYear(_ text: Substring) -> Bool {
    text.count == 4 && isDigits(text) && Int(text).map { (1000...9999).contains($0) } == true
  }

  private static func isDigits(_ text: Substring) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
  }

  /// `YYYY-MM-DD` as a comparable number (`20260630`), nil when it is not a real day.
  private static func day(_ text: Substring) -> Int? {
    let fields = text.split(separator: "-", omittingEmptySubsequences: false)
    guard fields.count == 3, isYear(fields[0]), fields[1].count == 2, fields[2].count == 2,
      isDigits(fields[1]), isDigits(fields[2]),
      let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
      (1...12).contains(month)
    else { return nil }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...lengths[month - 1]).contains(day) else { return nil }
    return year * 10_000 + month * 100 + day
  }
}
