import ArgumentParser
import ImpactAPI
import Localization

/// `impact rate`: record a committee rating.
struct RateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rate",
    abstract: HelpText.l("help.rate.abstract"),
    // The generated usage line is 91 columns: wrapped here so that it reads at 80.
    usage: """
      impact rate [<options>] <id> --criterion <criterion> --rater <rater>
                  --value <value>
      """,
    discussion: """
      \(HelpText.l("help.rate.discussion"))

      \(HelpText.l("help.example"))
        impact rate pension-de-famille-rennes --criterion who --rater amel \\
          --value 3 --comment "public très éloigné de l'emploi"
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.project.id")))
  var id: String

  @Option(help: ArgumentHelp(HelpText.l("help.rate.criterion")))
  var criterion: String

  @Option(help: ArgumentHelp(HelpText.l("help.rate.rater")))
  var rater: String

  @Option(help: ArgumentHelp(HelpText.l("help.rate.value")))
  var value: String

  @Option(help: ArgumentHelp(HelpText.l("help.rate.comment")))
  var comment: String?

  func run() async throws {
    var draft = Impact_V1_RecordRatingRequest()
    draft.projectID = id
    draft.rating.criterion = criterion
    draft.rating.rater = rater
    // As people type it: 3, 2.5 or 2,5.
    draft.rating.value = try ObservedValue.parse(value)
    if let comment { draft.rating.comment = comment }
    if let expected = write.expectedRevision { draft.expectedRevision = expected }
    let request = draft
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await ProjectReference.withProject(request.projectID, client: client, connection: connection) { id in
        var request = request
        request.projectID = id
        return try await Impact_V1_ProjectService.Client(wrapping: client).recordRating(
          request, metadata: connection.metadata, options: connection.callOptions)
      }
    }
    let renderer = global.renderer()
    try renderer.emit(response) {
      let rating = response.rating
      let l = renderer.l
      return [
        .table(
          .fields(
            title: l("rate.title"),
            [
              ("project", l("label.project"), Cell(response.project.id)),
              ("criterion", l("label.criterion"), Cell(rating.criterion)),
              ("rater", l("label.rater"), Cell(rating.rater)),
              ("value", l("label.value"), renderer.number(rating.value, .dimension)),
              ("comment", l("label.comment"), Cell(rating.hasComment ? rating.comment : "")),
              ("rated at", l("label.rated_at"), Cell(rating.hasRatedAt ? TimeText.iso8601(rating.ratedAt) : "")),
              ("revision", l("label.revision"), Cell(response.revision)),
            ])
        )
      ]
    }
  }
}
