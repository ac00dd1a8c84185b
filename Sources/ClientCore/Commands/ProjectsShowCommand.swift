import ArgumentParser
import ImpactAPI
import Localization

/// `impact projects show`: one project with its outcomes and ratings.
struct ProjectsShowCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: HelpText.l("help.projects.show.abstract"),
    discussion: """
      \(HelpText.l("help.lookup"))

      \(HelpText.l("help.example"))
        impact projects show pension-de-famille-rennes --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var history: AtOptions

  @Argument(help: ArgumentHelp(HelpText.l("help.score.id")))
  var id: String

  func run() async throws {
    let connection = try global.connection()
    let id = self.id
    let (response, scheme) = try await connection.run { client, _ in
      let response = try await ProjectReference.withProject(id, client: client, connection: connection) { id in
        var request = Impact_V1_GetProjectRequest()
        if let at = history.message { request.at = at }
        request.id = id
        return try await Impact_V1_ProjectService.Client(wrapping: client).getProject(
          request, metadata: connection.metadata, options: connection.callOptions)
      }
      let scheme = try await Impact_V1_PortfolioService.Client(wrapping: client).getScheme(
        history.schemeRequest, metadata: connection.metadata, options: connection.callOptions)
      return (response, scheme.scheme)
    }
    let renderer = global.renderer()
    let labels = SchemeLabels(scheme: scheme, language: renderer.language)
    let project = response.project
    try renderer.emit(response) {
      let rated = project.risks.keys.sorted()
      // Labels for the reader, ids for CSV.
      let risks = Cell(
        display: rated.map { "\(labels.riskType($0)) \(project.risks[$0] ?? 0)" }.joined(separator: ", "),
        csv: rated.map { "\($0)=\(project.risks[$0] ?? 0)" }.joined(separator: " "))
      let l = renderer.l
      let fields = Table.fields(
        title: l("projects.show.title", ["id": project.id]),
        [
          ("name", l("label.name"), Cell(project.name)),
          ("programme", l("label.programme"), Cell(project.programme)),
          ("territory", l("label.territory"), Cell(project.territory)),
          ("status", l("label.status"), Cell(project.status, l)),
          ("amount", l("label.amount"), renderer.number(project.amount, .amount)),
          (
            "evidence level", l("label.evidence_level"),
            project.hasEvidenceLevel ? Cell(Int64(project.evidenceLevel)) : Cell("")
          ),
          ("risks", l("label.risks"), risks),
          ("revision", l("label.revision"), Cell(response.revision)),
        ])
      var outcomes = Table(
        title: l("projects.show.outcomes.title"),
        columns: [
          .text("outcome", l("label.outcome")), .text("domain", l("label.domain"), truncatable: true),
          .number("share", l("label.share")), .text("indicator", l("label.indicator"), truncatable: true),
          .number("baseline", l("label.baseline")), .number("threshold", l("label.threshold")),
          .number("target", l("label.target")), .number("actual", l("label.actual")),
          .number("reach", l("label.reach")),
          .number("years", l("label.years")),
        ])
      for outcome in project.outcomes {
        outcomes.append([
          Cell(outcome.id), Cell(display: labels.domain(outcome.domain), csv: outcome.domain),
          renderer.number(outcome.hasShare ? outcome.share : nil, .percent),
          Cell(outcome.hasIndicator ? outcome.indicator + (outcome.hasUnit ? " (\(outcome.unit))" : "") : ""),
          renderer.number(outcome.hasBaseline ? outcome.baseline : nil, .decimals(2)),
          renderer.number(outcome.hasThreshold ? outcome.threshold : nil, .decimals(2)),
          renderer.number(outcome.hasTarget ? outcome.target : nil, .decimals(2)),
          renderer.number(outcome.hasActual ? outcome.actual : nil, .decimals(2)),
          renderer.number(outcome.hasReach ? outcome.reach : nil, .integer),
          renderer.number(outcome.hasDurationYears ? Double(outcome.durationYears) : nil, .integer),
        ])
      }
      var ratings = Table(
        title: l("projects.show.ratings.title"),
        columns: [
          .text("criterion", l("label.criterion"), truncatable: true), .text("rater", l("label.rater")),
          .number("value", l("label.value")), .text("rated at", l("label.rated_at")),
          .text("comment", l("label.comment"), truncatable: true),
        ])
      for rating in project.ratings {
        ratings.append([
          Cell(display: labels.criterion(rating.criterion), csv: rating.criterion), Cell(rating.rater),
          renderer.number(rating.value, .dimension), Cell(rating.hasRatedAt ? TimeText.iso8601(rating.ratedAt) : ""),
          Cell(rating.hasComment ? rating.comment : ""),
        ])
      }
      return [.table(fields), .table(outcomes), .table(ratings)]
    }
  }
}
