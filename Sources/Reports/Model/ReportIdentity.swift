/// What a report is and where its data came from: printed in its header, on every printed
/// page, and in its footer.
public struct ReportIdentity: Sendable, Codable, Equatable {
  /// The report's title (`--title`, or the kind of report).
  public var title: String
  /// The selection the report covers, as the reader typed it (`--status funded`); empty for
  /// the whole portfolio.
  public var selection: String
  /// The revision of the daemon's portfolio the data was read at.
  public var revision: Int64
  /// The scheme the scores were computed with.
  public var schemeID: String
  /// When the report was made, ISO 8601 in UTC (`--generated-at` fixes it).
  public var generatedAt: String
  /// The snapshot the report shows when it is not the current portfolio (`--at`).
  public var snapshot: String?

  public init(
    title: String, selection: String = "", revision: Int64, schemeID: String, generatedAt: String,
    snapshot: String? = nil
  ) {
    self.title = title
    self.selection = selection
    self.revision = revision
    self.schemeID = schemeID
    self.generatedAt = generatedAt
    self.snapshot = snapshot
  }
}
