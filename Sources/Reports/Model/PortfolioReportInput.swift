public import Localization

/// The values the portfolio pack is drawn from: identity, scheme, figures and the ranked
/// projects of the selection, with the optional history sections.
public struct PortfolioReportInput: Sendable, Codable, Equatable {
  public var identity: ReportIdentity
  public var scheme: ReportScheme
  public var figures: PortfolioFigures
  /// The selection's projects in rank order.
  public var projects: [ProjectEntry]
  /// Changes since `--since`; nil when not asked for or when the daemon keeps no history.
  public var changes: ChangesSince?
  /// Portfolio figures over the snapshots; empty when there are none.
  public var trends: [TrendSeries]

  public init(
    identity: ReportIdentity, scheme: ReportScheme, figures: PortfolioFigures, projects: [ProjectEntry],
    changes: ChangesSince? = nil, trends: [TrendSeries] = []
  ) {
    self.identity = identity
    self.scheme = scheme
    self.figures = figures
    self.projects = projects
    self.changes = changes
    self.trends = trends
  }
}

/// The values of the meeting pack: the portfolio, the candidates' sheets, the what-if of
/// funding every candidate, and the impact maps of the candidates' programmes when the
/// organisation's framework has them.
public struct CommitteeReportInput: Sendable, Codable, Equatable {
  public var portfolio: PortfolioReportInput
  public var candidates: [ProjectSheetInput]
  public var fundingAll: WhatIfFigures?
  public var impactMaps: [ReportImpactMap]

  public init(
    portfolio: PortfolioReportInput, candidates: [ProjectSheetInput], fundingAll: WhatIfFigures?,
    impactMaps: [ReportImpactMap] = []
  ) {
    self.portfolio = portfolio
    self.candidates = candidates
    self.fundingAll = fundingAll
    self.impactMaps = impactMaps
  }
}

/// The values of one project's sheet as a report of its own.
public struct ProjectReportInput: Sendable, Codable, Equatable {
  public var identity: ReportIdentity
  public var scheme: ReportScheme
  public var sheet: ProjectSheetInput

  public init(identity: ReportIdentity, scheme: ReportScheme, sheet: ProjectSheetInput) {
    self.identity = identity
    self.scheme = scheme
    self.sheet = sheet
  }
}
