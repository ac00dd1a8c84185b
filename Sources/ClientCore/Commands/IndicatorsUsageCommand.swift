import Analytics
import ArgumentParser
import ImpactAPI
import Localization

/// `impact indicators usage`: for each bank indicator, the projects and outcomes that measure
/// it; the bank indicators no project measures; the outcomes with a custom indicator.
struct IndicatorsUsageCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "usage",
    abstract: HelpText.l("help.indicators.usage.abstract"),
    discussion: """
      \(HelpText.l("help.indicators.discussion"))

      \(HelpText.l("help.example"))
        impact indicators usage
        impact indicators usage --programme "Aide alimentaire" --domain basic_needs
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var filter: FilterOptions

  func run() async throws {
    var request = Impact_V1_ListProjectsRequest()
    if !filter.isEmpty { request.filter = filter.message }
    let listing = request
    let connection = try global.connection()
    let filter = self.filter
    let language = global.language
    let response = try await connection.run { client, _ in
      let response = try await ProjectListing.all(listing, client: client, connection: connection)
      try await filter.reportEmptySelection(client: client, connection: connection, language: language)
      return response
    }
    let usage = IndicatorUsage(
      bank: .shipped,
      outcomes: response.projects.flatMap { project in
        project.outcomes.map {
          (
            project: project.id, outcome: $0.id, indicatorID: $0.hasIndicatorID ? $0.indicatorID : nil,
            label: $0.indicator
          )
        }
      })
    let renderer = global.renderer()
    let l = renderer.l
    try renderer.emit(response) {
      var used = Table(
        title: l("indicators.title.usage"),
        columns: [
          .text("indicator", l("label.indicator")), .text("name", l("label.name"), truncatable: true),
          .number("projects", l("indicators.field.projects")),
          .text("outcomes", l("indicators.field.outcomes"), truncatable: true),
        ])
      for entry in usage.used {
        used.append([
          Cell(entry.indicator.id), Cell(entry.indicator.name.text(in: language.rawValue)),
          Cell(Int64(Set(entry.outcomes.map(\.project)).count)),
          Cell(entry.outcomes.map { "\($0.project)/\($0.outcome)" }.joined(separator: " ")),
        ])
      }
      var unused = Table(
        title: l("indicators.title.unused", ["count": String(usage.unused.count)]),
        columns: [
          .text("indicator", l("label.indicator")), .text("kind", l("label.kind")),
          .text("name", l("label.name"), truncatable: true),
        ])
      for indicator in usage.unused {
        unused.append([
          Cell(indicator.id),
          Cell(display: l("indicators.kind.\(indicator.kind.rawValue)"), csv: indicator.kind.rawValue),
          Cell(indicator.name.text(in: language.rawValue)),
        ])
      }
      var custom = Table(
        title: l("indicators.title.custom", ["count": String(usage.custom.count)]),
        columns: [
          .text("project", l("indicators.field.project")), .text("outcome", l("indicators.field.outcome")),
          .text("indicator", l("label.indicator"), truncatable: true),
        ])
      for outcome in usage.custom {
        custom.append([Cell(outcome.project), Cell(outcome.outcome), Cell(outcome.label)])
      }
      return [.table(used), .table(unused), .table(custom)]
    }
  }
}
