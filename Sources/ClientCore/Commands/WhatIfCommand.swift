import ArgumentParser
import ImpactAPI
import SwiftProtobuf

/// `impact whatif`: portfolio figures and ranks before and after hypothetical changes.
struct WhatIfCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "whatif",
    abstract: "Simulate changes (add, remove, replace, edit projects) without storing anything.",
    discussion: """
      Prints every portfolio figure before and after, the difference, and the projects whose \
      rank changes. Changes apply in this order: --add, --replace, --set, --remove.

      --set ID.FIELD=VALUE edits a project's amount, status, evidence_level, programme, \
      territory or name; --set ID.outcomes.OUTCOME.FIELD=VALUE edits a numeric outcome field \
      (share, baseline, threshold, target, actual, reach, duration_years, drop_off, \
      deadweight, attribution, displacement, financial_proxy). The project is fetched, \
      edited, and sent as a replacement.

      Example:
        impact whatif --set chantier-insertion-lyon.amount=450000 --remove old-project
        impact whatif --add candidates.json --status funded
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var filter: FilterOptions

  @Option(help: ArgumentHelp("A JSON portfolio document whose projects are added. Repeatable.", valueName: "file"))
  var add: [String] = []

  @Option(help: ArgumentHelp("Remove this project. Repeatable.", valueName: "id"))
  var remove: [String] = []

  @Option(help: ArgumentHelp("A JSON portfolio document whose projects replace the stored ones. Repeatable.", valueName: "file"))
  var replace: [String] = []

  @Option(help: ArgumentHelp("Edit a field: ID.FIELD=VALUE or ID.outcomes.OUTCOME.FIELD=VALUE. Repeatable.", valueName: "edit"))
  var set: [ProjectEdit] = []

  func validate() throws {
    if add.isEmpty && remove.isEmpty && replace.isEmpty && set.isEmpty {
      throw ValidationError("give at least one change: --add, --remove, --replace or --set")
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
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      var added = documentAdds
      var replaced = documentReplacements
      var edited: [String: Impact_V1_Project] = [:]
      var editedOrder: [String] = []
      for edit in edits {
        if let index = added.firstIndex(where: { $0.id == edit.projectID }) {
          try edit.apply(to: &added[index])
        } else if let index = replaced.firstIndex(where: { $0.id == edit.projectID }) {
          try edit.apply(to: &replaced[index])
        } else {
          if edited[edit.projectID] == nil {
            var request = Impact_V1_GetProjectRequest()
            request.id = edit.projectID
            edited[edit.projectID] = try await Impact_V1_ProjectService.Client(wrapping: client).getProject(
              request, metadata: connection.metadata, options: connection.callOptions
            ).project
            editedOrder.append(edit.projectID)
          }
          if var project = edited[edit.projectID] {
            try edit.apply(to: &project)
            edited[edit.projectID] = project
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
      request.changes += removed.map { id in Impact_V1_WhatIfChange.with { $0.removeProjectID = id } }
      return try await Impact_V1_ScoringService.Client(wrapping: client).simulateWhatIf(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    let renderer = global.renderer()
    try renderer.emit(response) {
      var figures = Table(title: "figures", columns: [
        .text("figure", truncatable: true), .number("before"), .number("after"), .number("difference"),
      ])
      for figure in response.figures {
        let style = Self.style(of: figure.figure)
        let delta = renderer.number(figure.hasDelta ? figure.delta : nil, style)
        figures.append([
          Cell(figure.figure),
          renderer.number(figure.hasBefore ? figure.before : nil, style),
          renderer.number(figure.hasAfter ? figure.after : nil, style),
          Cell(display: figure.hasDelta && figure.delta > 0 ? "+" + delta.display : delta.display, csv: delta.csv),
        ])
      }
      var ranks = Table(title: "rank changes", columns: [
        .text("project", truncatable: true), .text("change"), .number("rank before"), .number("rank after"),
      ])
      for change in response.rankChanges {
        ranks.append([
          Cell(change.projectID),
          Cell(change.kind.displayName),
          change.hasRankBefore ? Cell(Int64(change.rankBefore)) : Cell(display: "–", csv: ""),
          change.hasRankAfter ? Cell(Int64(change.rankAfter)) : Cell(display: "–", csv: ""),
        ])
      }
      return [.table(figures), .table(ranks)]
    }
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
