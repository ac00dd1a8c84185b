import ArgumentParser
import ImpactAPI
import Localization

/// `impact find`: projects by words of their id, name, programme or territory.
struct FindCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "find",
    abstract: HelpText.l("help.find.abstract"),
    discussion: """
      \(HelpText.l("help.find.discussion"))

      \(HelpText.l("help.example"))
        impact find pension rennes
        impact find île-de-france --status funded
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var filter: FilterOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.find.words")))
  var words: [String]

  func validate() throws {
    guard words.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
      throw ValidationError(global.language.localizer("find.words-required"))
    }
  }

  func run() async throws {
    let connection = try global.connection()
    let query = words.joined(separator: " ")
    let filterMessage = filter.isEmpty ? nil : filter.message
    let filter = self.filter
    let language = global.language
    let response = try await connection.run { client, _ in
      var request = Impact_V1_ListProjectsRequest()
      if let filterMessage { request.filter = filterMessage }
      request.query = query
      let all = try await ProjectListing.all(request, client: client, connection: connection)
      if all.projects.isEmpty {
        if all.unmatched.isEmpty {
          StandardStreams.writeError(language.localizer("find.none", ["query": query]))
        } else {
          try await filter.reportEmptySelection(
            client: client, connection: connection, language: language, unmatched: all.unmatched)
        }
      }
      return all
    }
    let renderer = global.renderer()
    try renderer.emit(response) {
      let l = renderer.l
      var table = Table(columns: [
        .text("id", l("label.id")), .text("name", l("label.name"), truncatable: true),
        .text("programme", l("label.programme"), truncatable: true),
        .text("territory", l("label.territory"), truncatable: true), .text("status", l("label.status")),
      ])
      for project in response.projects {
        table.append([
          Cell(project.id), Cell(project.name), Cell(project.programme), Cell(project.territory),
          Cell(project.status, l),
        ])
      }
      return [.table(table)]
    }
  }
}
