public import Foundation

/// One observed value of an outcome's indicator, as the CIDS export reads it: the period it
/// describes (an ``ObservationPeriod`` form, or empty) and when it was recorded.
public struct CIDSObservation: Sendable, Hashable {
  public var projectID: String
  public var outcomeID: String
  public var value: Double
  public var period: String
  public var source: String
  public var recordedAt: Date

  public init(projectID: String, outcomeID: String, value: Double, period: String, source: String, recordedAt: Date) {
    self.projectID = projectID
    self.outcomeID = outcomeID
    self.value = value
    self.period = period
    self.source = source
    self.recordedAt = recordedAt
  }
}
