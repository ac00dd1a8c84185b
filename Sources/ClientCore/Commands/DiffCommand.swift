import ArgumentParser
import ImpactAPI
import Localization

/// `impact diff FROM [TO]`: what changed between two moments of the portfolio and why, each
/// project's composite difference attributed to its causes (Shapley values, docs/methodology.md
/// "Explaining a change").
struct DiffCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: HelpText.l("help.diff.abstract"),
    discussion: """
      \(HelpText.l("help.diff.discussion"))

      \(HelpText.l("help.example"))
        impact diff rev:1
        impact diff rev:1 now --explain pension-de-famille-rennes
        impact diff rev:1 --output csv > diff.csv
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var filter: FilterOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.diff.from"), valueName: "t0"))
  var from: String

  @Argument(help: ArgumentHelp(HelpText.l("help.diff.to"), valueName: "t1"))
  var to: String?

  @Option(help: ArgumentHelp(HelpText.l("help.diff.explain"), valueName: "id"))
  var explain: [String] = []

  @Option(help: ArgumentHelp(HelpText.l("help.diff.top"), valueName: "n"))
  var top: Int32 = 10

  @Option(name: .customLong("max-projects"), help: ArgumentHelp(HelpText.l("help.diff.max_projects"), valueName: "n"))
  var maxProjects: Int32 = 1000

  func validate() throws {
    for when in [from] + (to.map { [$0] } ?? []) where AtOptions.selector(when) == nil {
      throw ValidationError(HelpText.l("error.diff.invalid_when", ["value": when]))
    }
    // The daemon needs a past moment to compare from (an unset `from_at` is refused).
    guard from != "now" else { throw ValidationError(HelpText.l("error.diff.from_now")) }
    guard top >= 0, maxProjects >= 0 else { throw ValidationError(HelpText.l("error.diff.negative")) }
  }

  func run() async throws {
    var draft = Impact_V1_DiffPortfoliosRequest()
    if let at = AtOptions.selector(from) { draft.fromAt = at }
    if let to, let at = AtOptions.selector(to) { draft.toAt = at }
    if !filter.isEmpty { draft.filter = filter.message }
    draft.topMovers = top == 0 ? 1 : top
    draft.maxProjects = maxProjects == 0 ? 1 : maxProjects
    let typed = explain
    let template = draft
    let connection = try global.connection()
    let (response, scheme) = try await connection.run { client, _ in
      var request = template
      for id in typed {
        request.explainIds.append(try await ProjectReference.id(id, client: client, connection: connection))
      }
      let response = try await Impact_V1_HistoryService.Client(wrapping: client).diffPortfolios(
        request, metadata: connection.metadata, options: connection.callOptions)
      // The domains are named as the later moment's scheme names them.
      var schemeRequest = Impact_V1_GetSchemeRequest()
      if template.hasToAt { schemeRequest.at = template.toAt }
      let scheme = try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        schemeRequest, metadata: connection.metadata, options: connection.callOptions)
      return (response, scheme.scheme)
    }
    let renderer = global.renderer()
    let labels = SchemeLabels(scheme: scheme, language: renderer.language)
    try renderer.emit(response) { DiffTables.sections(response, renderer: renderer, labels: labels) }
  }
}

/// The tables of a diff: figures, the attribution of the weighted composite, the changed,
/// added and removed projects, the rank movers and the scorings asked with `--explain`.
enum DiffTables {
  static func cause(_ group: Impact_V1_CauseGroup, _ l: Localizer) -> String {
    switch group {
    case .scheme: l("history.cause.scheme")
    case .outcomeData: l("history.cause.outcome_data")
    case .ratings: l("history.cause.ratings")
    case .evidenceAndRisks: l("history.cause.evidence_and_risks")
    default: ""
    }
  }

  /// The stable key of a cause, as CSV and JSON write it.
  static func key(_ group: Impact_V1_CauseGroup) -> String {
    switch group {
    case .scheme: "scheme"
    case .outcomeData: "outcome_data"
    case .ratings: "ratings"
    case .evidenceAndRisks: "evidence_and_risks"
    default: ""
    }
  }

  static func signed(_ cell: Cell, _ value: Double) -> Cell {
    Cell(display: value > 0 && !cell.display.hasPrefix("+") ? "+" + cell.display : cell.display, csv: cell.csv)
  }

  static func sections(
    _ response: Impact_V1_DiffPortfoliosResponse, renderer: Renderer, labels: SchemeLabels? = nil
  ) -> [Section] {
    let l = renderer.l
    let figureLabels = FigureLabels(l: l, labels: labels)
    var figures = Table(
      title: l("diff.figures.title"),
      columns: [
        .text("figure", l("label.figure"), truncatable: true), .number("before", l("label.before")),
        .number("after", l("label.after")), .number("difference", l("label.difference")),
      ])
    for figure in response.figures {
      let style = WhatIfCommand.style(of: figure.figure)
      let before = renderer.number(figure.hasBefore ? figure.before : nil, style)
      let after = renderer.number(figure.hasAfter ? figure.after : nil, style)
      // People read what moved; CSV keeps every figure.
      if renderer.format == .table, before.display == after.display { continue }
      figures.append([
        Cell(display: figureLabels.label(figure.figure), csv: figure.figure), before, after,
        signed(renderer.number(figure.hasDelta ? figure.delta : nil, style), figure.delta),
      ])
    }

    let attribution = response.attribution
    var causes = Table(
      title: l("diff.attribution.title"),
      columns: [
        .text("cause", l("label.cause")), .number("difference", l("label.difference")),
      ])
    let rows: [(String, String, Double)] = [
      ("scheme", l("history.cause.scheme"), attribution.composites.scheme),
      ("outcome_data", l("history.cause.outcome_data"), attribution.composites.outcomeData),
      ("ratings", l("history.cause.ratings"), attribution.composites.ratings),
      ("evidence_and_risks", l("history.cause.evidence_and_risks"), attribution.composites.evidenceAndRisks),
      ("added_projects", l("history.cause.added_projects"), attribution.added),
      ("removed_projects", l("history.cause.removed_projects"), attribution.removed),
      ("amounts", l("history.cause.amounts"), attribution.amounts),
      ("total", l("label.total"), attribution.total),
    ]
    for (key, label, value) in rows {
      causes.append([Cell(display: label, csv: key), signed(renderer.number(value, .decimals(3)), value)])
    }

    var changed = Table(
      title: l("diff.changed.title", ["count": String(response.changedCount)]),
      columns: [
        .text("project", l("label.project"), truncatable: true), .number("before", l("label.before")),
        .number("after", l("label.after")), .number("difference", l("label.difference")),
        .number("scheme", l("history.cause.scheme")), .number("outcome_data", l("history.cause.outcome_data")),
        .number("ratings", l("history.cause.ratings")),
        .number("evidence_and_risks", l("history.cause.evidence_and_risks")),
        .number("rank_before", l("label.rank_before")), .number("rank_after", l("label.rank_after")),
      ])
    for project in response.changed {
      let difference = project.rankScoreAfter - project.rankScoreBefore
      let parts = project.attribution
      changed.append([
        Cell(display: project.name.isEmpty ? project.projectID : project.name, csv: project.projectID),
        renderer.number(project.rankScoreBefore, .score), renderer.number(project.rankScoreAfter, .score),
        signed(renderer.number(difference, .score), difference),
        signed(renderer.number(parts.scheme, .score), parts.scheme),
        signed(renderer.number(parts.outcomeData, .score), parts.outcomeData),
        signed(renderer.number(parts.ratings, .score), parts.ratings),
        signed(renderer.number(parts.evidenceAndRisks, .score), parts.evidenceAndRisks),
        project.hasRankBefore ? Cell(Int64(project.rankBefore)) : Cell(display: "–", csv: ""),
        project.hasRankAfter ? Cell(Int64(project.rankAfter)) : Cell(display: "–", csv: ""),
      ])
    }

    func membership(_ title: String, _ projects: [Impact_V1_ProjectDifference], before: Bool) -> Table {
      var table = Table(
        title: title,
        columns: [
          .text("project", l("label.project"), truncatable: true), .number("composite", l("tables.figure.composite")),
          .number("amount", l("label.amount")),
        ])
      for project in projects {
        table.append([
          Cell(display: project.name.isEmpty ? project.projectID : project.name, csv: project.projectID),
          renderer.number(before ? project.rankScoreBefore : project.rankScoreAfter, .score),
          renderer.number(before ? project.amountBefore : project.amountAfter, .amount),
        ])
      }
      return table
    }
    let added = membership(l("diff.added.title", ["count": String(response.addedCount)]), response.added, before: false)
    let removed = membership(
      l("diff.removed.title", ["count": String(response.removedCount)]), response.removed, before: true)

    var movers = Table(
      title: l("diff.movers.title"),
      columns: [
        .text("project", l("label.project"), truncatable: true), .number("rank_before", l("label.rank_before")),
        .number("rank_after", l("label.rank_after")), .number("places", l("label.places")),
      ])
    for move in response.movers {
      let places = Int64(move.rankBefore) - Int64(move.rankAfter)
      movers.append([
        Cell(move.projectID), Cell(Int64(move.rankBefore)), Cell(Int64(move.rankAfter)),
        Cell(display: places > 0 ? "+\(places)" : "\(places)", csv: "\(places)"),
      ])
    }

    var explanations: [Table] = []
    for explanation in response.explanations {
      var table = Table(
        title: l("diff.explain.title", ["id": explanation.projectID]),
        columns: [
          .text("from_later", l("label.from_later"), truncatable: true),
          .number("composite", l("tables.figure.composite")), .number("rank_score", l("label.rank_score")),
        ])
      for scoring in explanation.scorings {
        let names = scoring.fromLater.map { cause($0, l) }
        table.append([
          Cell(
            display: names.isEmpty ? l("diff.explain.none") : names.joined(separator: ", "),
            csv: scoring.fromLater.map(key).joined(separator: "+")),
          renderer.number(scoring.composite, .score), renderer.number(scoring.rankScore, .score),
        ])
      }
      explanations.append(table)
    }

    if renderer.format != .table {
      return [.table(figures), .table(causes), .table(changed), .table(added), .table(removed), .table(movers)]
        + explanations.map(Section.table)
    }
    var sections: [Section] = [
      figures.rows.isEmpty ? .text(l("diff.no_figure_changes")) : .table(figures), .table(causes),
    ]
    for table in [changed, added, removed, movers] where !table.rows.isEmpty { sections.append(.table(table)) }
    return sections + explanations.map(Section.table)
  }
}
