import ArgumentParser
import ImpactAPI
import Localization

/// `impact rank`: projects by rank score, highest first.
struct RankCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rank",
    abstract: HelpText.l("help.rank.abstract"),
    discussion: """
      \(HelpText.l("help.rank.discussion"))

      \(HelpText.l("help.example"))
        impact rank --status funded --top 10
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var history: AtOptions
  @OptionGroup var filter: FilterOptions

  @Option(help: ArgumentHelp(HelpText.l("help.rank.top"), valueName: "n"))
  var top: Int32?

  func validate() throws {
    if let top, top < 1 { throw ValidationError(global.language.localizer("error.option.top", ["value": String(top)])) }
  }

  func run() async throws {
    var draft = Impact_V1_RankProjectsRequest()
    if let at = history.message { draft.at = at }
    if !filter.isEmpty { draft.filter = filter.message }
    draft.top = top ?? 0
    let request = draft
    let connection = try global.connection()
    let filter = self.filter
    let language = global.language
    let response = try await connection.run { client, _ in
      let response = try await Impact_V1_ScoringService.Client(wrapping: client).rankProjects(
        request, metadata: connection.metadata, options: connection.callOptions)
      if response.projects.isEmpty {
        try await filter.reportEmptySelection(client: client, connection: connection, language: language)
      }
      return response
    }
    let renderer = global.renderer()
    try renderer.emit(response) {
      let l = renderer.l
      var table = Table(columns: [
        .number("rank", l("label.rank")), .text("id", l("label.id")), .text("name", l("label.name"), truncatable: true),
        .text("class", l("label.class")), .number("composite", l("label.composite")),
        .number("rank score", l("label.rank_score")), .number("percentile", l("label.percentile")),
        .number("amount", l("label.amount")), .text("data", l("label.data")),
      ])
      for entry in response.projects {
        table.append([
          Cell(Int64(entry.rank)), Cell(entry.projectID), Cell(entry.name), Cell(entry.impactClass, l),
          renderer.number(entry.composite, .score), renderer.number(entry.rankScore, .score),
          renderer.number(entry.percentile, .score), renderer.number(entry.amount, .amount),
          Cell(display: entry.insufficientData ? "!" : "", csv: entry.insufficientData ? "insufficient" : ""),
        ])
      }
      return [.table(table)]
    }
  }
}
