import ArgumentParser
import ImpactAPI
import Localization

/// `impact observe`: record an indicator observation.
struct ObserveCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "observe",
    abstract: HelpText.l("help.observe.abstract"),
    discussion: """
      \(HelpText.l("help.observe.values"))

      \(HelpText.l("help.example"))
        impact observe pension-de-famille-rennes maintien-logement 52 --period 2026-Q3 \\
          --source "bilan trimestriel, Amel"
        impact observe pension-de-famille-rennes maintien-logement "33,5" \\
          --period 2026-S1
        impact observe pension-de-famille-rennes maintien-logement -4 --force
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.project.id")))
  var id: String

  @Argument(help: ArgumentHelp(HelpText.l("help.observe.outcome")))
  var outcome: String

  /// The value as typed. Collected with `.allUnrecognized` so that `-4` is read as a number
  /// rather than refused as an unknown option.
  @Argument(
    parsing: .allUnrecognized,
    help: ArgumentHelp(HelpText.l("help.observe.value"), valueName: "value"))
  var values: [String] = []

  @Option(
    help: ArgumentHelp(HelpText.l("help.observe.period")))
  var period: String?

  @Flag(help: ArgumentHelp(HelpText.l("help.observe.force")))
  var force = false

  @Option(help: ArgumentHelp(HelpText.l("help.observe.source")))
  var source: String?

  /// Refused: the daemon records who the caller is (`recorded_by`); kept, hidden, to say so
  /// rather than "unknown option".
  @Option(name: .customLong("by"), help: .hidden)
  var recordedBy: String?

  func validate() throws {
    if let recordedBy {
      throw ValidationError(global.language.localizer("observe.by.refused", ["name": recordedBy]))
    }
    guard values.count == 1 else {
      throw ValidationError(global.language.localizer("observe.value.count", ["values": values.joined(separator: " ")]))
    }
  }

  func run() async throws {
    var draft = Impact_V1_RecordObservationRequest()
    draft.observation.projectID = id
    draft.observation.outcomeID = outcome
    draft.observation.value = try ObservedValue.parse(values[0])
    draft.acceptOutOfRange = force
    draft.observation.period = period ?? ""
    draft.observation.source = source ?? ""
    if let expected = write.expectedRevision { draft.expectedRevision = expected }
    let request = draft
    let connection = try global.connection()
    let response = try await connection.run { client, _ in
      try await ProjectReference.withProject(request.observation.projectID, client: client, connection: connection) {
        id in
        var request = request
        request.observation.projectID = id
        return try await Impact_V1_ProjectService.Client(wrapping: client).recordObservation(
          request, metadata: connection.metadata, options: connection.callOptions)
      }
    }
    let renderer = global.renderer()
    try renderer.emit(response) {
      let observation = response.observation
      let l = renderer.l
      return [
        .table(
          .fields(
            title: l("observe.title"),
            [
              ("project", l("label.project"), Cell(observation.projectID)),
              ("outcome", l("label.outcome"), Cell(observation.outcomeID)),
              ("value", l("label.value"), renderer.number(observation.value, .decimals(2))),
              ("period", l("label.period"), Cell(observation.period)),
              ("source", l("label.source"), Cell(observation.source)),
              ("recorded by", l("label.recorded_by"), Cell(observation.recordedBy)),
              (
                "recorded at", l("label.recorded_at"),
                Cell(observation.hasRecordedAt ? TimeText.iso8601(observation.recordedAt) : "")
              ),
              ("revision", l("label.revision"), Cell(response.revision)),
              ("forced", l("label.forced"), Cell(observation.forced, l)),
            ])
        )
      ]
    }
  }
}
