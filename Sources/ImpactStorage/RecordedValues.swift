public import Foundation

/// When a project's current ratings and observed values were recorded, as the store keeps them
/// (the in-memory model does not): what an import compares with the document's revision or
/// date to tell newer committee work from the document's own data.
public struct RecordedValues: Sendable, Hashable {
  /// When and at which revision a value was recorded.
  public struct Stamp: Sendable, Hashable {
    public var at: Date
    public var revision: Int64

    public init(at: Date, revision: Int64) {
      self.at = at
      self.revision = revision
    }
  }

  /// A rating's key within its project.
  public struct RatingKey: Sendable, Hashable {
    public var criterion: String
    public var rater: String

    public init(criterion: String, rater: String) {
      self.criterion = criterion
      self.rater = rater
    }
  }

  /// The current rating of each (criterion, rater).
  public var ratings: [RatingKey: Stamp] = [:]
  /// The latest observation of each outcome that has one, by outcome id.
  public var observations: [String: Stamp] = [:]

  public init(ratings: [RatingKey: Stamp] = [:], observations: [String: Stamp] = [:]) {
    self.ratings = ratings
    self.observations = observations
  }
}
