/// The exchange document `impact-portfolio/1`: an optional scheme and the projects.
public struct PortfolioDocument: Sendable, Hashable {
  /// The format tag this version of the library reads and writes.
  public static let format = "impact-portfolio/1"

  /// The scheme carried by the document; `nil` means the default impact-v1.
  public var scheme: Scheme?
  public var projects: [Project]

  public init(scheme: Scheme? = nil, projects: [Project]) {
    self.scheme = scheme
    self.projects = projects
  }
}
