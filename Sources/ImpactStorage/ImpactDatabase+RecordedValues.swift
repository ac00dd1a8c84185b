import Foundation
import GRDB

extension ImpactDatabase {
  /// When the current ratings and the latest observations of `projectIDs` were recorded, by
  /// project id; a project with neither is left out.
  ///
  /// Read in batches of ids so that an import touching a few projects of a large portfolio
  /// reads only theirs.
  /// - Throws: ``StorageError``.
  public func recordedValues(of projectIDs: [String]) throws -> [String: RecordedValues] {
    guard !projectIDs.isEmpty else { return [:] }
    return try read { db in try Self.recordedValues(of: projectIDs, in: db) }
  }

  static func recordedValues(of projectIDs: [String], in db: Database) throws -> [String: RecordedValues] {
    var values: [String: RecordedValues] = [:]
    var start = projectIDs.startIndex
    while start < projectIDs.endIndex {
      let end = min(start + Self.recordedValuesBatch, projectIDs.endIndex)
      let batch = Array(projectIDs[start..<end])
      let marks = databaseQuestionMarks(count: batch.count)
      let ratings = try Row.fetchCursor(
        db,
        sql: "SELECT project_id, criterion, rater, rated_at, revision FROM ratings WHERE project_id IN (\(marks))",
        arguments: StatementArguments(batch))
      while let row = try ratings.next() {
        let key = RecordedValues.RatingKey(criterion: row[1], rater: row[2])
        values[row[0], default: RecordedValues()].ratings[key] = Self.stamp(row[3], row[4])
      }
      // The latest observation of each outcome: the highest id, as in RecordObservation.
      let observations = try Row.fetchCursor(
        db,
        sql: """
          SELECT o.project_id, o.outcome_id, o.recorded_at, o.revision FROM observations o
          WHERE o.project_id IN (\(marks)) AND o.id = (
            SELECT MAX(id) FROM observations
            WHERE project_id = o.project_id AND outcome_id = o.outcome_id)
          """,
        arguments: StatementArguments(batch))
      while let row = try observations.next() {
        values[row[0], default: RecordedValues()].observations[row[1]] = Self.stamp(row[2], row[3])
      }
      start = end
    }
    return values
  }

  /// Ids per query: well below SQLite's limit on bound parameters.
  private static let recordedValuesBatch = 500

  private static func stamp(_ text: String, _ revision: Int64) -> RecordedValues.Stamp {
    RecordedValues.Stamp(at: StoredTimestamp.date(text) ?? .distantPast, revision: revision)
  }
}
