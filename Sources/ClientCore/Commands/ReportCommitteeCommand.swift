import ArgumentParser
import ImpactAPI
import Localization
import Reports

/// `impact report committee --candidate ID...`: the meeting pack.
struct ReportCommitteeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "committee",
    abstract: HelpText.l("help.report.committee.abstract"),
    discussion: """
      \(HelpText.l("help.example"))
        impact report committee --candidate mediation-sante-montpellier \\
          --candidate soutien-parentalite-dijon -o committee.html
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var report: ReportOptions
  @OptionGroup var filter: FilterOptions

  @Option(help: ArgumentHelp(HelpText.l("help.report.since"), valueName: "when"))
  var since: String?

  @Option(name: .customLong("candidate"), help: ArgumentHelp(HelpText.l("help.report.candidate"), valueName: "project"))
  var candidates: [String] = []

  func validate() throws {
    try report.validate(language: global.language)
    if let since, AtOptions.selector(since) == nil {
      throw ValidationError(HelpText.l("error.at.invalid", ["value": since]))
    }
    if candidates.isEmpty { throw ValidationError(global.language.localizer("error.report.no_candidate")) }
  }

  func run() async throws {
    let language = global.language
    let connection = try global.connection()
    let filterMessage = filter.isEmpty ? nil : filter.message
    let filter = self.filter
    let since = self.since
    let typedCandidates = candidates
    let title = report.title ?? language.localizer("report.title.committee")
    let generatedAt = report.generationTime
    let input = try await connection.run { client, deadline in
      let source = ReportSource(client: client, connection: connection, language: language, deadline: deadline)
      var ids: [String] = []
      for typed in typedCandidates {
        let id = try await ProjectReference.id(typed, client: client, connection: connection)
        if !ids.contains(id) { ids.append(id) }
      }
      var portfolio = try await source.portfolio(filterMessage) { revision, scheme in
        ReportIdentity(
          title: title, selection: filter.typed, revision: revision, schemeID: scheme, generatedAt: generatedAt)
      }
      try await source.addHistory(to: &portfolio, since: since, filter: filterMessage)
      let scheme = try await source.scheme()
      let everyScore = try await source.scores(nil)
      var sheets: [ProjectSheetInput] = []
      var projects: [Impact_V1_Project] = []
      for id in ids {
        sheets.append(try await source.sheet(id, scheme: scheme, everyScore: everyScore).0)
        projects.append(try await source.project(id))
      }
      let fundingAll = try await source.funding(projects)
      let maps = try await source.impactMaps(of: projects.map(\.programme))
      return CommitteeReportInput(portfolio: portfolio, candidates: sheets, fundingAll: fundingAll, impactMaps: maps)
    }
    let rendered = CommitteeReport.render(input, language: language == .fr ? .fr : .en)
    try ReportFiles.write(rendered, kind: "committee", options: report, language: language)
  }
}
