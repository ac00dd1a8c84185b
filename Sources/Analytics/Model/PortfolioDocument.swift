/// The exchange document `impact-portfolio/1` or `/2`: an optional scheme and the projects,
/// and (version 2) the revision of the portfolio the document was exported at.
public struct PortfolioDocument: Sendable, Hashable {
  /// The format tag of a document without a revision; what this library writes for one.
  public static let format = "impact-portfolio/1"
  /// The format tag of a document that carries its revision: version 2 adds the `revision`
  /// key, which a reader of version 1 would refuse as unknown.
  public static let formatWithRevision = "impact-portfolio/2"
  /// Every tag this library reads.
  public static let readableFormats = [format, formatWithRevision]

  /// The scheme carried by the document; `nil` means the default impact-v1.
  public var scheme: Scheme?
  public var projects: [Project]
  /// The revision of the portfolio the document was exported at, so that an import can tell
  /// which stored ratings and observations are newer than it; `nil` when unknown.
  public var revision: Int64?

  public init(scheme: Scheme? = nil, projects: [Project], revision: Int64? = nil) {
    self.scheme = scheme
    self.projects = projects
    self.revision = revision
  }
}
