import ArgumentParser
import ImpactAPI
import Localization

/// `impact trend`: figures over time, at every snapshot or at the end of every month or
/// quarter since a date; the portfolio's or, with `--project`, one project's.
struct TrendCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "trend",
    abstract: HelpText.l("help.trend.abstract"),
    discussion: """
      \(HelpText.l("help.trend.discussion"))

      \(HelpText.l("help.example"))
        impact trend
        impact trend --point rev:1 --point now --output csv > trend.csv
        impact trend --project pension-de-famille-rennes --point rev:1 --point now
      """
  )

  enum Every: String, ExpressibleByArgument, CaseIterable {
    case snapshot, month, quarter
  }

  @OptionGroup var global: GlobalOptions
  @OptionGroup var filter: FilterOptions

  @Option(help: ArgumentHelp(HelpText.l("help.trend.every"), valueName: "snapshot|month|quarter"))
  var every: Every = .snapshot

  @Option(help: ArgumentHelp(HelpText.l("help.trend.since"), valueName: "date"))
  var since: String?

  @Option(help: ArgumentHelp(HelpText.l("help.trend.project"), valueName: "id"))
  var project: String?

  @Option(name: .customLong("point"), help: ArgumentHelp(HelpText.l("help.trend.point"), valueName: "moment"))
  var points: [String] = []

  @Option(name: .customLong("scheme"), help: ArgumentHelp(HelpText.l("help.at.scheme"), valueName: "current"))
  var scheme: String?

  func validate() throws {
    if let scheme, scheme != "current", scheme != "then" {
      throw ValidationError(HelpText.l("error.at.scheme", ["value": scheme]))
    }
    for point in points where AtOptions.selector(point) == nil {
      throw ValidationError(HelpText.l("error.diff.invalid_when", ["value": point]))
    }
  }

  func run() async throws {
    var draft = Impact_V1_GetTrendRequest()
    draft.points = points.compactMap(AtOptions.selector)
    switch every {
    case .snapshot: draft.every = .snapshot
    case .month: draft.every = .month
    case .quarter: draft.every = .quarter
    }
    if let since { draft.since = since }
    if !filter.isEmpty { draft.filter = filter.message }
    if scheme == "current" { draft.scheme = .current }
    let template = draft
    let typed = project
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      var request = template
      if let typed { request.projectID = try await ProjectReference.id(typed, client: client, connection: connection) }
      return try await Impact_V1_HistoryService.Client(wrapping: client).getTrend(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    let renderer = global.renderer()
    try renderer.emit(response) { TrendTables.sections(response, renderer: renderer) }
  }
}

/// The tables of a trend: one row per point.
enum TrendTables {
  static func sections(_ response: Impact_V1_GetTrendResponse, renderer: Renderer) -> [Section] {
    let l = renderer.l
    let head: [Table.Column] = [.text("point", l("label.point")), .number("revision", l("label.revision"))]
    func point(_ point: Impact_V1_TrendPoint) -> [Cell] {
      [Cell(point.label), Cell(point.at.revision)]
    }
    if !response.projectID.isEmpty {
      var table = Table(
        columns: head + [
          .number("composite", l("tables.figure.composite")), .number("quantitative", l("tables.figure.quantitative")),
          .number("qualitative", l("tables.figure.qualitative")), .number("confidence", l("label.confidence")),
          .number("depth", l("label.depth")),
        ])
      for entry in response.points {
        guard case .project(let figures)? = entry.figures else {
          table.append(point(entry) + Array(repeating: Cell(display: "–", csv: ""), count: 5))
          continue
        }
        table.append(
          point(entry) + [
            renderer.number(figures.composite, .score), renderer.number(figures.quantitative, .score),
            renderer.number(figures.qualitative, .score), renderer.number(figures.confidence, .decimals(3)),
            renderer.number(figures.depth, .dimension),
          ])
      }
      return [.table(table)]
    }
    var domains: [String] = []
    for entry in response.points {
      for figure in entry.portfolio.exposure where !domains.contains(figure.domain) { domains.append(figure.domain) }
    }
    var columns =
      head + [
        .number("weighted_composite", l("label.weighted_composite")), .number("coverage", l("label.coverage")),
        .number("deep_coverage", l("label.deep_coverage")), .number("sroi", l("label.sroi")),
        .number("projects", l("label.projects")), .number("total_amount", l("label.total_amount")),
      ]
    // CSV and --columns get each domain's exposures as columns; people read them below.
    let wide = renderer.format != .table
    if wide {
      columns += domains.map { .number("exposure.\($0)", "exposure.\($0)") }
      columns += domains.map { .number("impact_weighted_exposure.\($0)", "impact_weighted_exposure.\($0)") }
    }
    var table = Table(columns: columns)
    var exposure = Table(
      title: l("trend.exposure.title"),
      columns: [.text("point", l("label.point"))] + domains.map { .number($0, $0) })
    for entry in response.points {
      let figures = entry.portfolio
      func value(_ list: [Impact_V1_DomainFigure], _ domain: String) -> Cell {
        renderer.number(list.first { $0.domain == domain }?.value, .percent)
      }
      var row =
        point(entry) + [
          renderer.number(figures.weightedComposite, .score), renderer.number(figures.coverage, .percent),
          renderer.number(figures.deepCoverage, .percent),
          renderer.number(figures.hasSroi ? figures.sroi : nil, .decimals(2)),
          Cell(figures.projects), renderer.number(figures.totalAmount, .amount),
        ]
      if wide {
        row += domains.map { value(figures.exposure, $0) }
        row += domains.map { value(figures.impactWeightedExposure, $0) }
      }
      table.append(row)
      exposure.append([Cell(entry.label)] + domains.map { value(figures.exposure, $0) })
    }
    if response.points.isEmpty { return [.text(l("trend.no_points"), csv: table)] }
    return wide ? [.table(table)] : [.table(table), .table(exposure)]
  }
}
