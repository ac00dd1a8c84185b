import ArgumentParser
import ImpactAPI
import Localization
import SwiftProtobuf

/// `impact progress ID`: per outcome and period, the baseline, the target, the observations,
/// the latest value and the progress to target.
struct ProgressCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "progress",
    abstract: HelpText.l("help.progress.abstract"),
    discussion: """
      \(HelpText.l("help.progress.discussion"))

      \(HelpText.l("help.example"))
        impact progress pension-de-famille-rennes
        impact progress pension-de-famille-rennes --outcome maintien-logement --output csv
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var at: AtOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.score.id")))
  var id: String

  @Option(help: ArgumentHelp(HelpText.l("help.observations.outcome")))
  var outcome: String?

  func run() async throws {
    let connection = try global.connection()
    let typed = id
    let outcome = self.outcome
    let selector = at.message
    let response = try await connection.run { client, _ in
      try await ProjectReference.withProject(typed, client: client, connection: connection) { id in
        var request = Impact_V1_GetProgressRequest()
        request.projectID = id
        if let outcome { request.outcomeID = outcome }
        if let selector { request.at = selector }
        return try await Impact_V1_HistoryService.Client(wrapping: client).getProgress(
          request, metadata: connection.metadata, options: connection.callOptions)
      }
    }
    let renderer = global.renderer()
    try renderer.emit(response) { ProgressTables.sections(response, renderer: renderer) }
  }
}

/// The tables of `impact progress`: one row per outcome and period, then the observations.
enum ProgressTables {
  static func sections(_ response: Impact_V1_GetProgressResponse, renderer: Renderer) -> [Section] {
    let l = renderer.l
    var periods = Table(
      title: l("progress.periods.title"),
      columns: [
        .text("outcome", l("label.outcome")), .text("period", l("label.period")),
        .number("baseline", l("label.baseline")), .number("target", l("label.target")),
        .number("latest", l("label.latest")), .number("progress", l("label.progress")),
        .number("observations", l("label.observations")),
      ])
    var observations = Table(
      title: l("progress.observations.title"),
      columns: [
        .text("outcome", l("label.outcome")), .text("period", l("label.period")),
        .number("value", l("label.value")), .text("source", l("label.source"), truncatable: true),
        .text("recorded_by", l("label.recorded_by")), .text("recorded_at", l("label.recorded_at")),
        .text("forced", l("label.forced")),
      ])
    for outcome in response.outcomes {
      let baseline = renderer.number(outcome.hasBaseline ? outcome.baseline : nil, .decimals(2))
      // The outcome's overall line: its latest value against its single target.
      let overall =
        outcome.hasLatest && outcome.hasBaseline && outcome.hasTarget && outcome.target != outcome.baseline
        ? (outcome.latest - outcome.baseline) / (outcome.target - outcome.baseline) : nil
      periods.append([
        Cell(outcome.outcomeID), Cell(display: l("progress.overall"), csv: "overall"), baseline,
        renderer.number(outcome.hasTarget ? outcome.target : nil, .decimals(2)),
        renderer.number(outcome.hasLatest ? outcome.latest : nil, .decimals(2)), renderer.number(overall, .percent),
        Cell(Int64(outcome.periods.reduce(0) { $0 + $1.observations.count })),
      ])
      for period in outcome.periods {
        periods.append([
          Cell(outcome.outcomeID),
          Cell(display: period.period.isEmpty ? l("progress.no_period") : period.period, csv: period.period), baseline,
          renderer.number(period.hasTarget ? period.target : nil, .decimals(2)),
          renderer.number(period.hasLatest ? period.latest : nil, .decimals(2)),
          renderer.number(period.hasProgress ? period.progress : nil, .percent), Cell(Int64(period.observations.count)),
        ])
      }
      // Each observation once, though it counts towards every period that contains its own.
      var seen: Set<String> = []
      for observation in outcome.periods.flatMap(\.observations) {
        let key = "\(observation.revision)|\(observation.period)|\(observation.value)|\(observation.recordedAt.seconds)"
        guard seen.insert(key).inserted else { continue }
        observations.append([
          Cell(outcome.outcomeID), Cell(observation.period), renderer.number(observation.value, .decimals(2)),
          Cell(observation.source), Cell(observation.recordedBy),
          Cell(observation.hasRecordedAt ? TimeText.iso8601(observation.recordedAt) : ""),
          Cell(observation.forced, l, blankWhenFalse: true),
        ])
      }
    }
    if renderer.format == .table, observations.rows.isEmpty { return [.table(periods)] }
    return [.table(periods), .table(observations)]
  }
}
