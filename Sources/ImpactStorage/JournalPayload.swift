package import Analytics
import Foundation

/// The JSON texts of journal rows: enough to replay every change (see `docs/storage.md`).
package enum JournalPayload {
  /// A portfolio document of the projects, with the scheme when the change also set it. An
  /// import's row passes no projects here: they go to the row's `projects` column, in binary.
  package static func projects(_ projects: [Project], scheme: Scheme? = nil) -> String {
    String(decoding: PortfolioJSON.encode(PortfolioDocument(scheme: scheme, projects: projects)), as: UTF8.self)
  }

  package static func scheme(_ scheme: Scheme) -> String {
    String(decoding: SchemeJSON.encode(scheme), as: UTF8.self)
  }

  package static func projectIDs(_ ids: [String]) throws -> String {
    try encode(ids)
  }

  package static func deleted(_ ids: [String]) throws -> String {
    try encode(["deleted": ids])
  }

  package static func observation(_ observation: Observation, recordedAt: String) throws -> String {
    try encode(
      ObservationPayload(
        projectID: observation.projectID, outcomeID: observation.outcomeID,
        value: observation.value,
        period: observation.period, source: observation.source, recordedBy: observation.recordedBy,
        recordedAt: recordedAt, forced: observation.forced ? true : nil))
  }

  package static func rating(projectID: String, _ rating: Rating, ratedAt: String) throws -> String {
    try encode(
      RatingPayload(
        projectID: projectID, criterion: rating.criterion, rater: rating.rater,
        value: rating.value,
        comment: rating.comment, ratedAt: ratedAt))
  }

  /// A snapshot's creation (`{"name", "note", "revision"}`) or deletion (`{"name"}`).
  package static func snapshotName(_ name: String, note: String?, revision: Int64?) throws -> String {
    try encode(SnapshotPayload(name: name, note: note, revision: revision))
  }

  package static func projectIDs(fromText text: String) -> [String]? {
    try? JSONDecoder().decode([String].self, from: Data(text.utf8))
  }

  /// - Throws: ``StorageError/constraintViolated(projectID:detail:)`` for a value JSON cannot
  ///   carry (a non-finite number).
  private static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // The documented keys are snake_case: `projectID` is written `project_id`.
    encoder.keyEncodingStrategy = .convertToSnakeCase
    do {
      return String(decoding: try encoder.encode(value), as: UTF8.self)
    } catch {
      throw StorageError.constraintViolated(
        projectID: nil, detail: "cannot write the journal payload: \(error)")
    }
  }

  private struct ObservationPayload: Encodable {
    var projectID: String
    var outcomeID: String
    var value: Double
    var period: String
    var source: String?
    var recordedBy: String
    var recordedAt: String
    /// Present (`true`) only for a forced observation.
    var forced: Bool?
  }

  private struct SnapshotPayload: Encodable {
    var name: String
    var note: String?
    var revision: Int64?
  }

  private struct RatingPayload: Encodable {
    var projectID: String
    var criterion: String
    var rater: String
    var value: Double
    var comment: String?
    var ratedAt: String
  }
}
