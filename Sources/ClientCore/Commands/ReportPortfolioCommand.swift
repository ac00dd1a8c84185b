import ArgumentParser
import Localization
import Reports

/// `impact report portfolio`: the portfolio pack.
struct ReportPortfolioCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "portfolio",
    abstract: HelpText.l("help.report.portfolio.abstract"),
    discussion: """
      \(HelpText.l("help.example"))
        impact report portfolio -o portfolio.html --status funded --lang fr
      """
  )

  @OptionGroup var global: GlobalOptions
  @OptionGroup var report: ReportOptions
  @OptionGroup var at: AtOptions
  @OptionGroup var filter: FilterOptions

  @Option(help: ArgumentHelp(HelpText.l("help.report.since"), valueName: "when"))
  var since: String?

  func validate() throws {
    try report.validate(language: global.language)
    if let since, AtOptions.selector(since) == nil {
      throw ValidationError(HelpText.l("error.at.invalid", ["value": since]))
    }
  }

  func run() async throws {
    let language = global.language
    let connection = try global.connection()
    let moment = at.message
    let filterMessage = filter.isEmpty ? nil : filter.message
    let filter = self.filter
    let since = self.since
    let title = report.title ?? language.localizer("report.title.portfolio")
    let generatedAt = report.generationTime
    let input = try await connection.run { client, deadline in
      var source = ReportSource(client: client, connection: connection, language: language, deadline: deadline)
      source.at = moment
      var input = try await source.portfolio(filterMessage) { revision, scheme in
        ReportIdentity(
          title: title, selection: filter.typed, revision: revision, schemeID: scheme, generatedAt: generatedAt)
      }
      try await source.addHistory(to: &input, since: since, filter: filterMessage)
      return input
    }
    let rendered = PortfolioReport.render(input, language: language == .fr ? .fr : .en)
    try ReportFiles.write(rendered, kind: "portfolio", options: report, language: language)
  }
}
