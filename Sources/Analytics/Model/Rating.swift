/// A committee member's rating of one qualitative criterion of a project, on the 0–4 rubric.
///
/// A project holds at most one rating per (criterion, rater): the latest one given.
public struct Rating: Sendable, Hashable {
  public var criterion: String
  public var rater: String
  public var value: Double
  public var comment: String?

  public init(criterion: String, rater: String, value: Double, comment: String? = nil) {
    self.criterion = criterion
    self.rater = rater
    self.value = value
    self.comment = comment
  }
}
