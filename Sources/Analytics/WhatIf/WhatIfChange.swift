/// A change to try on a portfolio without recording it.
public enum WhatIfChange: Sendable, Hashable {
  /// Add a project that is not in the portfolio.
  case add(Project)
  /// Remove the project with this id.
  case remove(projectID: String)
  /// Replace the project with the same id by this version of it.
  case replace(Project)
}
