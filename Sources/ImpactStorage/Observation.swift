public import Foundation

/// One observed value of an outcome's indicator, kept for good.
///
/// The latest recorded observation of an outcome (the highest `id`) gives its `actual`.
public struct Observation: Sendable, Hashable {
  /// Assigned when recorded, increasing in recording order; ignored when recording.
  public var id: Int64?
  public var projectID: String
  public var outcomeID: String
  public var value: Double
  /// The period or date the value describes, as the recorder wrote it (`2025-Q3`, `2025-09-30`).
  public var period: String
  /// Where the value comes from (a report, a survey, a database).
  public var source: String?
  public var recordedBy: String
  /// Kept to the millisecond.
  public var recordedAt: Date
  /// The revision that recorded it; ignored when recording.
  public var revision: Int64?
  /// Recorded although it lay outside its indicator's plausible range (or described a period
  /// not yet begun) because the caller insisted; `recordedBy` says who.
  public var forced: Bool

  public init(
    id: Int64? = nil,
    projectID: String,
    outcomeID: String,
    value: Double,
    period: String,
    source: String? = nil,
    recordedBy: String,
    recordedAt: Date,
    revision: Int64? = nil,
    forced: Bool = false
  ) {
    self.id = id
    self.projectID = projectID
    self.outcomeID = outcomeID
    self.value = value
    self.period = period
    self.source = source
    self.recordedBy = recordedBy
    self.recordedAt = recordedAt
    self.revision = revision
    self.forced = forced
  }
}
