/// The three CSV files of a portfolio, as text: projects, outcomes and ratings.
public struct CSVTables: Sendable, Hashable {
  public var projects: String
  public var outcomes: String
  public var ratings: String

  public init(projects: String, outcomes: String, ratings: String) {
    self.projects = projects
    self.outcomes = outcomes
    self.ratings = ratings
  }
}
