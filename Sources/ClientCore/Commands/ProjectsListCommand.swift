import ArgumentParser
import ImpactAPI
import Localization

/// `impact projects list`: every project a filter selects, all pages fetched.
struct ProjectsListCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: HelpText.l("help.projects.list.abstract"),
    discussion: """
      \(HelpText.l("help.projects.list.discussion"))

      \(HelpText.l("help.example"))
        impact projects list --status funded --status closed --territory Bretagne
        impact projects list --output csv > projects-overview.csv
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var history: AtOptions
  @OptionGroup var filter: FilterOptions

  func run() async throws {
    let connection = try global.connection()
    let filterMessage = filter.isEmpty ? nil : filter.message
    let filter = self.filter
    let language = global.language
    let response = try await connection.run { client, _ in
      var request = Impact_V1_ListProjectsRequest()
      if let at = history.message { request.at = at }
      if let filterMessage { request.filter = filterMessage }
      let all = try await ProjectListing.all(request, client: client, connection: connection)
      if all.projects.isEmpty {
        try await filter.reportEmptySelection(
          client: client, connection: connection, language: language, unmatched: all.unmatched)
      }
      return all
    }
    let renderer = global.renderer()
    try renderer.emit(response) {
      let l = renderer.l
      var table = Table(columns: [
        .text("id", l("label.id")), .text("name", l("label.name"), truncatable: true),
        .text("status", l("label.status")),
        .text("programme", l("label.programme"), truncatable: true),
        .text("territory", l("label.territory"), truncatable: true), .number("amount", l("label.amount")),
        .number("outcomes", l("label.outcomes")),
      ])
      for project in response.projects {
        table.append([
          Cell(project.id), Cell(project.name), Cell(project.status, l), Cell(project.programme),
          Cell(project.territory), renderer.number(project.amount, .amount), Cell(Int64(project.outcomes.count)),
        ])
      }
      return [.table(table)]
    }
  }
}
