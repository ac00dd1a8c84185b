import ArgumentParser
import ImpactAPI
import Localization

/// `impact observations`: the history of a project's indicator observations.
struct ObservationsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "observations",
    abstract: HelpText.l("help.observations.abstract"),
    discussion: """
      \(HelpText.l("help.observations.discussion"))

      \(HelpText.l("help.example"))
        impact observations pension-de-famille-rennes --outcome maintien-logement
        impact observations pension-de-famille-rennes --output csv > observations.csv
      """
  )

  @OptionGroup var global: GlobalOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.score.id")))
  var id: String

  @Option(help: ArgumentHelp(HelpText.l("help.observations.outcome")))
  var outcome: String?

  func run() async throws {
    let connection = try global.connection()
    let id = self.id
    let outcome = self.outcome
    let response = try await connection.run { client, _ in
      try await ProjectReference.withProject(id, client: client, connection: connection) { id in
        let projects = Impact_V1_ProjectService.Client(wrapping: client)
        var all = Impact_V1_ListObservationsResponse()
        var request = Impact_V1_ListObservationsRequest()
        request.projectID = id
        if let outcome { request.outcomeID = outcome }
        request.pageSize = 1000
        while true {
          let page = try await projects.listObservations(
            request, metadata: connection.metadata, options: connection.callOptions)
          all.observations += page.observations
          all.totalSize = page.totalSize
          all.revision = page.revision
          if page.nextPageToken.isEmpty { break }
          request.pageToken = page.nextPageToken
        }
        return all
      }
    }
    let renderer = global.renderer()
    try renderer.emit(response) {
      let l = renderer.l
      var table = Table(columns: [
        .text("outcome", l("label.outcome")), .number("value", l("label.value")), .text("period", l("label.period")),
        .text("source", l("label.source"), truncatable: true), .text("recorded_by", l("label.recorded_by")),
        .text("recorded_at", l("label.recorded_at")), .number("revision", l("label.revision")),
        .text("forced", l("label.forced")),
      ])
      for observation in response.observations {
        table.append([
          Cell(observation.outcomeID), renderer.number(observation.value, .decimals(2)), Cell(observation.period),
          Cell(observation.source), Cell(observation.recordedBy),
          Cell(observation.hasRecordedAt ? TimeText.iso8601(observation.recordedAt) : ""), Cell(observation.revision),
          Cell(observation.forced, l, blankWhenFalse: true),
        ])
      }
      return [.table(table)]
    }
  }
}
