import ArgumentParser
import BuildInfo

/// The root of the `impact` command: it only lists the subcommands.
struct ImpactCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "impact",
    abstract: HelpText.l("help.root.abstract"),
    discussion: """
      \(HelpText.l("help.root.discussion"))

      \(HelpText.l("help.example"))
        impact import portfolio.json && impact rank --top 5
        impact rank --server impact.example.org:7420 --ca ca.pem \\
          --token "$IMPACT_TOKEN"

      \(HelpText.l("help.exit_codes"))
      \(ExitStatus.helpTable)
      """,
    version: "impact \(BuildInfo.version) (\(BuildInfo.commit))",
    subcommands: [
      StatusCommand.self,
      ImportCommand.self,
      ExportCommand.self,
      ProjectsCommand.self,
      FindCommand.self,
      ScoreCommand.self,
      RankCommand.self,
      ScoresCommand.self,
      CompareCommand.self,
      PortfolioCommand.self,
      CoverageCommand.self,
      WhatIfCommand.self,
      RateCommand.self,
      ObserveCommand.self,
      ObservationsCommand.self,
      SchemeCommand.self,
      IndicatorsCommand.self,
      FrameworkCommand.self,
      MapCommand.self,
      WatchCommand.self,
      AuditCommand.self,
      SnapshotCommand.self,
      DiffCommand.self,
      TrendCommand.self,
      ProgressCommand.self,
      ReportCommand.self,
    ]
  )
}
