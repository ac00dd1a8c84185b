import ArgumentParser

/// `impact report`: self-contained HTML reports with charts.
struct ReportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: HelpText.l("help.report.abstract"),
    discussion: """
      \(HelpText.l("help.report.discussion"))

      \(HelpText.l("help.example"))
        impact report portfolio -o portfolio.html --lang fr --pdf portfolio.pdf
        impact report project bus-sante-nievre -o bus-sante.html
        impact report committee --candidate mediation-sante-montpellier \\
          --candidate soutien-parentalite-dijon -o committee.html
      """,
    subcommands: [ReportPortfolioCommand.self, ReportProjectCommand.self, ReportCommitteeCommand.self]
  )
}
