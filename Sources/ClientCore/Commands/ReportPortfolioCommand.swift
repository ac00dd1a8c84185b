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
  @OptionGroup var filter: FilterOptions

  func validate() throws { try report.validate(language: global.language) }

  func run() async throws {
    let language = global.language
    let connection = try global.connection()
    let filterMessage = filter.isEmpty ? nil : filter.message
    let filter = self.filter
    let title = report.title ?? language.localizer("report.title.portfolio")
    let generatedAt = report.generationTime
    let input = try await connection.run { client, deadline in
      try await ReportSource(client: client, connection: connection, language: language, deadline: deadline).portfolio(filterMessage) { revision, scheme in
        ReportIdentity(title: title, selection: filter.typed, revision: revision, schemeID: scheme, generatedAt: generatedAt)
      }
    }
    let rendered = PortfolioReport.render(input, language: language == .fr ? .fr : .en)
    try ReportFiles.write(rendered, kind: "portfolio", options: report, language: language)
  }
}
