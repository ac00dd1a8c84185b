import Foundation
import ImpactAPI
import ImpactStore
import SwiftProtobuf

/// The points of a trend every month or quarter: the end of each period from `since` (a
/// `YYYY-MM-DD` date, read as the start of its month) up to now, and now.
enum TrendPeriods {
  static func points(since: String, months: Int, now: Date, limit: Int) throws -> [(label: String, at: Impact_V1_At)] {
    guard !since.isEmpty else { throw RPCErrorFactory.required("since") }
    guard let start = DayBounds(since) else { throw HistoryError.invalidDate(since) }
    guard start.start <= now else { throw HistoryError.inTheFuture(since) }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(secondsFromGMT: 0)!
    var components = calendar.dateComponents([.year, .month], from: start.start)
    if months == 3 { components.month = ((components.month ?? 1) - 1) / 3 * 3 + 1 }
    var points: [(String, Impact_V1_At)] = []
    while points.count < limit, let first = calendar.date(from: components) {
      guard first <= now else { break }
      let year = components.year ?? 0
      let month = components.month ?? 1
      let label = months == 3 ? "\(year)-Q\((month - 1) / 3 + 1)" : String(format: "%04d-%02d", year, month)
      let next = calendar.date(byAdding: .month, value: months, to: first) ?? now
      let end = min(next.addingTimeInterval(-0.001), now)
      points.append((label, Impact_V1_At.with { $0.time = .init(date: end) }))
      components = calendar.dateComponents([.year, .month], from: next)
    }
    return points
  }
}
