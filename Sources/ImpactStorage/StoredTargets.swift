import Analytics
import Foundation

/// An outcome's targets per period as the `outcomes.targets` column keeps them: a JSON array
/// `[{"period": "2026", "value": 40}]`, NULL when there are none.
enum StoredTargets {
  private struct Entry: Codable {
    var period: String
    var value: Double
  }

  static func text(_ targets: [PeriodTarget]) -> String? {
    guard !targets.isEmpty else { return nil }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(targets.map { Entry(period: $0.period, value: $0.value) }) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// - Throws: ``StorageError/unreadableValue(table:key:column:detail:)`` for a text that is
  ///   not such an array.
  static func targets(_ text: String?, key: String) throws -> [PeriodTarget] {
    guard let text else { return [] }
    do {
      return try JSONDecoder().decode([Entry].self, from: Data(text.utf8)).map {
        PeriodTarget(period: $0.period, value: $0.value)
      }
    } catch {
      throw StorageError.unreadableValue(
        table: "outcomes", key: key, column: "targets", detail: "not an array of targets: \(text.prefix(80))")
    }
  }
}
