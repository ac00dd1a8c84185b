/// The names errors give the three CSV files of a portfolio.
public struct CSVFileNames: Sendable, Hashable {
  public var projects: String
  public var outcomes: String
  public var ratings: String

  public init(projects: String, outcomes: String, ratings: String) {
    self.projects = projects
    self.outcomes = outcomes
    self.ratings = ratings
  }

  public static let `default` = CSVFileNames(
    projects: "projects.csv", outcomes: "outcomes.csv", ratings: "ratings.csv")
}
