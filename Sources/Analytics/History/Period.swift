public import Foundation

/// A day of the Gregorian calendar, without a time or a zone.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// The day, or `nil` when it does not exist (`2026-02-30`) or the year is not 1000–9999.
  public init?(year: Int, month: Int, day: Int) {
    guard (1000...9999).contains(year), (1...12).contains(month),
      (1...Self.length(ofMonth: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day `date` falls on in UTC.
  public init(_ date: Date) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    year = parts.year ?? 1970
    month = parts.month ?? 1
    day = parts.day ?? 1
  }

  /// The number of days of `month` in `year`.
  public static func length(ofMonth month: Int, year: Int) -> Int {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  }

  /// `2026-07-01`.
  public var description: String {
    "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
  }

  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }
}

/// A reporting period: a year (`2026`), a half (`2026-S1`), a quarter (`2026-Q3`), a month
/// (`2026-07`), a day (`2026-01-01`) or a range of days (`2026-01-01/2026-06-30`), with the
/// first and last day it covers.
///
/// Periods order by their first day, then by their last (so a year comes after its first
/// quarter, which starts the same day and ends sooner). The text is kept in its canonical
/// spelling (`2026-s1` reads as `2026-S1`).
///
/// ```swift
/// let q3 = try Period(parsing: "2026-Q3")   // 2026-07-01 ... 2026-09-30
/// q3.contains(CalendarDay(year: 2026, month: 8, day: 15)!)   // true
/// ```
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Which form the period was written in.
  public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
    case year, half, quarter, month, day, range
  }

  /// The accepted forms, as refusals list them.
  public static let acceptedForms = "2026, 2026-S1, 2026-Q3, 2026-07, 2026-01-01, 2026-01-01/2026-06-30"

  public let kind: Kind
  /// The first day of the period.
  public let start: CalendarDay
  /// The last day of the period, included.
  public let end: CalendarDay
  /// The canonical text.
  public let text: String

  /// Reads `text` (surrounding spaces ignored, letters in either case).
  /// - Throws: ``PeriodError`` naming the accepted forms.
  public init(parsing text: String) throws(PeriodError) {
    let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
    let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
    if parts.count == 2 {
      guard let start = Self.day(parts[0]), let end = Self.day(parts[1]) else { throw PeriodError(.invalid, text) }
      guard start <= end else { throw PeriodError(.reversed, text) }
      self.init(kind: .range, start: start, end: end, text: "\(start)/\(end)")
      return
    }
    guard parts.count == 1 else { throw PeriodError(.invalid, text) }
    let fields = trimmed.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = fields.first, first.count == 4, Self.isDigits(first), let year = Int(first),
      (1000...9999).contains(year)
    else { throw PeriodError(.invalid, text) }
    switch fields.count {
    case 1:
      self.init(months: year, 1, 12, kind: .year, text: "\(year)")
    case 2:
      let second = fields[1]
      guard second.count == 2 else { throw PeriodError(.invalid, text) }
      if Self.isDigits(second), let month = Int(second), (1...12).contains(month) {
        self.init(months: year, month, month, kind: .month, text: "\(year)-\(second)")
      } else if second.first == "S", let half = second.last?.wholeNumberValue, (1...2).contains(half) {
        self.init(months: year, 6 * half - 5, 6 * half, kind: .half, text: "\(year)-S\(half)")
      } else if second.first == "Q", let quarter = second.last?.wholeNumberValue, (1...4).contains(quarter) {
        self.init(months: year, 3 * quarter - 2, 3 * quarter, kind: .quarter, text: "\(year)-Q\(quarter)")
      } else {
        throw PeriodError(.invalid, text)
      }
    case 3:
      guard let day = Self.day(Substring(trimmed)) else {
        throw PeriodError(Self.looksLikeDay(fields) ? .noSuchDay : .invalid, text)
      }
      self.init(kind: .day, start: day, end: day, text: day.description)
    default:
      throw PeriodError(.invalid, text)
    }
  }

  private init(kind: Kind, start: CalendarDay, end: CalendarDay, text: String) {
    self.kind = kind
    self.start = start
    self.end = end
    self.text = text
  }

  private init(months year: Int, _ first: Int, _ last: Int, kind: Kind, text: String) {
    self.init(
      kind: kind,
      start: CalendarDay(year: year, month: first, day: 1)!,
      end: CalendarDay(year: year, month: last, day: CalendarDay.length(ofMonth: last, year: year))!,
      text: text)
  }

  /// The period of `text`, or `nil` when it is not one.
  public static func parse(_ text: String) -> Period? { try? Period(parsing: text) }

  /// Whether `day` lies in the period.
  public func contains(_ day: CalendarDay) -> Bool { start <= day && day <= end }

  /// Whether `other` lies wholly in the period (a quarter in its year).
  public func contains(_ other: Period) -> Bool { start <= other.start && other.end <= end }

  public var description: String { text }

  public static func < (lhs: Period, rhs: Period) -> Bool {
    lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
  }

  private static func isDigits(_ text: Substring) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
  }

  private static func looksLikeDay(_ fields: [Substring]) -> Bool {
    fields.count == 3 && fields[0].count == 4 && fields[1].count == 2 && fields[2].count == 2
      && fields.allSatisfy(isDigits)
  }

  /// `YYYY-MM-DD`, or `nil` when it is not a real day.
  private static func day(_ text: Substring) -> CalendarDay? {
    let fields = text.split(separator: "-", omittingEmptySubsequences: false)
    guard looksLikeDay(fields), let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2])
    else { return nil }
    return CalendarDay(year: year, month: month, day: day)
  }
}

/// A text that is not a ``Period``: its catalogue key (`period.invalid`, `period.reversed`,
/// `period.no_such_day`) and the values the catalogue text names (`value`, `allowed`).
public struct PeriodError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: String, Sendable, Hashable {
    /// None of the accepted forms.
    case invalid
    /// A range whose last day comes before its first.
    case reversed
    /// Shaped like a day, but no such day exists (`2026-02-30`).
    case noSuchDay = "no_such_day"
  }

  public var reason: Reason
  /// The text refused, as given.
  public var text: String

  init(_ reason: Reason, _ text: String) {
    self.reason = reason
    self.text = text
  }

  /// The catalogue key of the refusal.
  public var key: String { "period.\(reason.rawValue)" }
  /// The values the catalogue text names.
  public var values: [String: String] { ["value": text, "allowed": Period.acceptedForms] }

  /// The English text, for logs and tests; people read the catalogue's.
  public var description: String {
    switch reason {
    case .invalid: "\"\(text)\" is not a period; accepted forms: \(Period.acceptedForms)"
    case .reversed: "\"\(text)\" ends before it starts; accepted forms: \(Period.acceptedForms)"
    case .noSuchDay: "\"\(text)\" names a day that does not exist; accepted forms: \(Period.acceptedForms)"
    }
  }
}
