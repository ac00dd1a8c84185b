/// Why a what-if could not be applied: a change names a project that is missing or already there.
public struct WhatIfError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong with the change.
  public enum Reason: String, Sendable, Hashable {
    /// `add` of an id the portfolio already has.
    case alreadyExists = "already exists"
    /// `remove` or `replace` of an id the portfolio does not have.
    case notFound = "not found"
  }

  /// The position of the change in the list given, from 0.
  public var changeIndex: Int
  public var projectID: String
  public var reason: Reason

  public init(changeIndex: Int, projectID: String, reason: Reason) {
    self.changeIndex = changeIndex
    self.projectID = projectID
    self.reason = reason
  }

  public var description: String {
    "what-if change \(changeIndex): project '\(projectID)' \(reason.rawValue)"
  }
}
