/// A stored project an import updates or deletes, with the values it loses.
public struct ImportedProject: Sendable, Hashable {
  public enum Action: Sendable, Hashable {
    case updated
    case deleted
  }

  public var projectID: String
  public var action: Action
  /// Ratings, observed values and the amount replaced or removed, in that order.
  public var replaced: [ReplacedValue]

  public init(projectID: String, action: Action, replaced: [ReplacedValue]) {
    self.projectID = projectID
    self.action = action
    self.replaced = replaced
  }

  /// The replaced values newer than the document.
  public var newer: [ReplacedValue] { replaced.filter(\.newer) }
}
