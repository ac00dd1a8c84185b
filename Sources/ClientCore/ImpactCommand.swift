import ArgumentParser

/// The root of the `impact` command: it only lists the subcommands.
struct ImpactCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "impact",
    abstract: "Query and update the impact service (impactd) over gRPC.",
    discussion: """
      Every subcommand talks to the daemon at --server (env IMPACT_SERVER, default \
      127.0.0.1:7420), sends --token (env IMPACT_TOKEN) as a bearer token, and gives up \
      after --timeout seconds. Output is a table for people, or --json / --output csv for \
      scripts.

      Example:
        impact import portfolio.json && impact rank --top 5

      Exit codes:
      \(ExitStatus.helpTable)
      """,
    subcommands: [
      StatusCommand.self,
      ImportCommand.self,
      ExportCommand.self,
      ProjectsCommand.self,
      ScoreCommand.self,
      RankCommand.self,
      CompareCommand.self,
      PortfolioCommand.self,
      CoverageCommand.self,
      WhatIfCommand.self,
      RateCommand.self,
      ObserveCommand.self,
      SchemeCommand.self,
      WatchCommand.self,
    ]
  )
}
