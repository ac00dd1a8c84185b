import ArgumentParser
import ImpactAPI
import Localization
import SwiftProtobuf

/// `impact whatif`: portfolio figures and ranks before and after hypothetical changes.
struct WhatIfCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "whatif",
    abstract: HelpText.l("help.whatif.abstract"),
    discussion: """
      \(HelpText.l("tables.help.whatif.discussion"))

      \(HelpText.l("tables.help.whatif.set"))

      \(HelpText.l("help.example"))
        impact whatif --set pension-de-famille-rennes.amount=450000 \\
          --remove maraudes-lyon
        impact whatif --add candidates.json --status funded
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var filter: FilterOptions

  @Option(help: ArgumentHelp(HelpText.l("help.whatif.add"), valueName: "file"))
  var add: [String] = []

  @Option(help: ArgumentHelp(HelpText.l("help.whatif.remove"), valueName: "id"))
  var remove: [String] = []

  @Option(help: ArgumentHelp(HelpText.l("help.whatif.replace"), valueName: "file"))
  var replace: [String] = []

  @Option(help: ArgumentHelp(HelpText.l("help.whatif.set"), valueName: "edit"))
  var set: [ProjectEdit] = []

  @Flag(help: ArgumentHelp(HelpText.l("tables.help.whatif_all")))
  var all = false

  func validate() throws {
    if add.isEmpty && remove.isEmpty && replace.isEmpty && set.isEmpty {
      throw ValidationError(global.language.localizer("error.whatif.no_change"))
    }
  }

  func run() async throws {
    var addedProjects: [Impact_V1_Project] = []
    for path in add { addedProjects += try PortfolioDocumentFile.projects(path) }
    var replacedProjects: [Impact_V1_Project] = []
    for path in replace { replacedProjects += try PortfolioDocumentFile.projects(path) }
    let documentAdds = addedProjects
    let documentReplacements = replacedProjects
    let edits = set
    let removed = remove
    let filterMessage = filter.isEmpty ? nil : filter.message
    let filter = self.filter
    let language = global.language
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await filter.reportEmptySelection(client: client, connection: connection, language: language)
      var added = documentAdds
      var replaced = documentReplacements
      var edited: [String: Impact_V1_Project] = [:]
      var editedOrder: [String] = []
      var typedIDs: [String: String] = [:]
      for edit in edits {
        if let index = added.firstIndex(where: { $0.id == edit.projectID }) {
          try edit.apply(to: &added[index])
        } else if let index = replaced.firstIndex(where: { $0.id == edit.projectID }) {
          try edit.apply(to: &replaced[index])
        } else {
          // `--set pension.amount=…` names the project as other commands do: the start of its
          // id or name is enough.
          var id = typedIDs[edit.projectID]
          if id == nil {
            let fetched = try await ProjectReference.withProject(edit.projectID, client: client, connection: connection)
            {
              var request = Impact_V1_GetProjectRequest()
              request.id = $0
              return try await Impact_V1_ProjectService.Client(wrapping: client).getProject(
                request, metadata: connection.metadata, options: connection.callOptions
              ).project
            }
            typedIDs[edit.projectID] = fetched.id
            if edited[fetched.id] == nil {
              edited[fetched.id] = fetched
              editedOrder.append(fetched.id)
            }
            id = fetched.id
          }
          if let id, var project = edited[id] {
            try edit.apply(to: &project)
            edited[id] = project
          }
        }
      }
      var request = Impact_V1_SimulateWhatIfRequest()
      if let filterMessage { request.filter = filterMessage }
      request.changes += added.map { project in Impact_V1_WhatIfChange.with { $0.addProject = project } }
      request.changes += replaced.map { project in Impact_V1_WhatIfChange.with { $0.replaceProject = project } }
      request.changes += editedOrder.compactMap { edited[$0] }.map { project in
        Impact_V1_WhatIfChange.with { $0.replaceProject = project }
      }
      for typed in removed {
        let id = try await ProjectReference.id(typed, client: client, connection: connection)
        request.changes.append(Impact_V1_WhatIfChange.with { $0.removeProjectID = id })
      }
      return try await Impact_V1_ScoringService.Client(wrapping: client).simulateWhatIf(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    let renderer = global.renderer()
    let l = renderer.l
    // Figures name domains by id: people read the scheme's names for them.
    let labels =
      renderer.format == .table
      ? try await connection.run { client, _ in try await SchemeLabels.fetch(client, connection, language: language) }
      : nil
    let figureLabels = FigureLabels(l: l, labels: labels)
    let showsEveryFigure = all || renderer.format != .table
    try renderer.emit(response) {
      // The candidates first: the score each added or replaced project would have, and the
      // rank it would take.
      let candidates = response.changedScores.map { score in
        Table.fields(
          title: l("tables.whatif.candidate", ["name": score.name, "id": score.projectID]),
          [
            ("composite", l("tables.figure.composite"), renderer.number(score.composite, .score)),
            ("quantitative", l("tables.figure.quantitative"), renderer.number(score.quantitative, .score)),
            ("qualitative", l("tables.figure.qualitative"), renderer.number(score.qualitative, .score)),
            ("class", l("tables.figure.class"), Cell(score.impactClass, l)),
            (
              "rank", l("tables.figure.rank"),
              score.rank > 0
                ? Cell(
                  display: l(
                    "tables.whatif.rank_of", ["rank": String(score.rank), "count": String(response.after.projects)]),
                  csv: String(score.rank))
                : Cell(display: l("tables.whatif.outside_selection"), csv: "")
            ),
            (
              "percentile", l("tables.figure.percentile"),
              renderer.number(score.rank > 0 ? score.percentile : nil, .score)
            ),
          ])
      }
      var unchanged = 0
      var figures = Table(
        title: l("whatif.figures.title"),
        columns: [
          .text("figure", l("label.figure"), truncatable: true), .number("before", l("label.before")),
          .number("after", l("label.after")), .number("difference", l("label.difference")),
        ])
      for figure in response.figures {
        let style = Self.style(of: figure.figure)
        let delta = renderer.number(figure.hasDelta ? figure.delta : nil, style)
        let before = renderer.number(figure.hasBefore ? figure.before : nil, style)
        let after = renderer.number(figure.hasAfter ? figure.after : nil, style)
        if !showsEveryFigure, before.display == after.display {
          unchanged += 1
          continue
        }
        figures.append([
          Cell(display: figureLabels.label(figure.figure), csv: figure.figure),
          before,
          after,
          Cell(display: figure.hasDelta && figure.delta > 0 ? "+" + delta.display : delta.display, csv: delta.csv),
        ])
      }
      var ranks = Table(
        title: l("whatif.ranks.title"),
        columns: [
          .text("project", l("label.project"), truncatable: true), .text("change", l("label.change")),
          .number("rank before", l("label.rank_before")), .number("rank after", l("label.rank_after")),
        ])
      // Without --all, a table lists only the ranks the changes themselves move: not the
      // projects whose rank stays, nor those that shift only because projects were added above
      // them or removed from above them (one insertion would otherwise list every project below).
      let shifted = showsEveryFigure ? [] : Self.onlyShifted(response.rankChanges)
      for change in response.rankChanges
      where showsEveryFigure || (change.kind != .unchanged && !shifted.contains(change.projectID)) {
        ranks.append([
          Cell(change.projectID),
          Cell(change.kind, l),
          change.hasRankBefore ? Cell(Int64(change.rankBefore)) : Cell(display: "–", csv: ""),
          change.hasRankAfter ? Cell(Int64(change.rankAfter)) : Cell(display: "–", csv: ""),
        ])
      }
      // CSV keeps its two tables, as scripts read them; the candidates' scores are in --json.
      guard renderer.format == .table else { return [.table(figures), .table(ranks)] }
      var sections = candidates.map(Section.table)
      sections.append(figures.rows.isEmpty ? .text(l("tables.whatif.no_figure_changes")) : .table(figures))
      if unchanged > 0 { sections.append(.text(l("tables.whatif.unchanged", ["count": String(unchanged)]))) }
      if !ranks.rows.isEmpty { sections.append(.table(ranks)) }
      if !shifted.isEmpty {
        let note = l("tables.whatif.shifted", ["count": String(shifted.count)])
        sections.append(.text(TextTableLayout.wrap(note, width: renderer.width ?? .max).joined(separator: "\n")))
      }
      return sections
    }
  }

  /// The projects that move by exactly the number of projects added above them less the
  /// number removed from above them: their move is the changes' arithmetic, not news.
  static func onlyShifted(_ changes: [Impact_V1_RankChange]) -> Set<String> {
    let addedRanks = changes.filter { $0.kind == .added && $0.hasRankAfter }.map(\.rankAfter)
    let removedRanks = changes.filter { $0.kind == .removed && $0.hasRankBefore }.map(\.rankBefore)
    var shifted: Set<String> = []
    for change in changes where change.kind == .moved && change.hasRankBefore && change.hasRankAfter {
      let shift =
        addedRanks.filter { $0 < change.rankAfter }.count - removedRanks.filter { $0 < change.rankBefore }.count
      if shift != 0, Int(change.rankAfter) - Int(change.rankBefore) == shift { shifted.insert(change.projectID) }
    }
    return shifted
  }

  /// How a figure of the summary is shown, by its name.
  static func style(of figure: String) -> NumberStyle {
    if figure.hasPrefix("exposure.") || figure.hasPrefix("impact_weighted_exposure.") { return .percent }
    if figure.hasPrefix("matrix.") { return figure.hasSuffix(".amount") ? .amount : .integer }
    switch figure {
    case "projects": return .integer
    case "total_amount", "social_value": return .amount
    case "coverage", "deep_coverage": return .percent
    case "weighted_depth": return .dimension
    case "hhi": return .decimals(3)
    case "effective_domains", "sroi": return .decimals(2)
    default: return .score
    }
  }
}
