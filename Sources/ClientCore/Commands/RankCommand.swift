import ArgumentParser
import ImpactAPI

/// `impact rank`: projects by rank score, highest first.
struct RankCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rank",
    abstract: "Rank the projects a filter selects by rank score, highest first.",
    discussion: """
      Ties share a rank. A project of class harm has rank score 0. `!` marks a score whose \
      completeness is below the scheme's threshold (insufficient data).

      Example:
        impact rank --status funded --top 10
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var filter: FilterOptions

  @Option(help: ArgumentHelp("Only the first N projects.", valueName: "n"))
  var top: Int32?

  func validate() throws {
    if let top, top < 1 { throw ValidationError("--top must be at least 1, not \(top)") }
  }

  func run() async throws {
    var draft = Impact_V1_RankProjectsRequest()
    if !filter.isEmpty { draft.filter = filter.message }
    draft.top = top ?? 0
    let request = draft
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await Impact_V1_ScoringService.Client(wrapping: client).rankProjects(
        request, metadata: connection.metadata, options: connection.callOptions)
    }
    let renderer = global.renderer()
    try renderer.emit(response) {
      var table = Table(columns: [
        .number("rank"), .text("id"), .text("name", truncatable: true), .text("class"),
        .number("composite"), .number("rank score"), .number("percentile"), .number("amount"), .text("data"),
      ])
      for entry in response.projects {
        table.append([
          Cell(Int64(entry.rank)), Cell(entry.projectID), Cell(entry.name), Cell(entry.impactClass.displayName),
          renderer.number(entry.composite, .score), renderer.number(entry.rankScore, .score),
          renderer.number(entry.percentile, .score), renderer.number(entry.amount, .amount),
          Cell(display: entry.insufficientData ? "!" : "", csv: entry.insufficientData ? "insufficient" : ""),
        ])
      }
      return [.table(table)]
    }
  }
}
