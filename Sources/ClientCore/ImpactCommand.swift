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

      TLS: --ca (env IMPACT_CA) trusts a private CA, --tls trusts the system's roots, \
      --cert and --key (env IMPACT_CERT, IMPACT_KEY) present a client certificate for \
      mutual TLS, whose subject is the caller when no token is sent. `impact audit` lists \
      who changed what (admin role).

      Example:
        impact import portfolio.json && impact rank --top 5
        impact rank --server impact.example.org:7420 --ca ca.pem \\
          --token "$IMPACT_TOKEN"

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
      AuditCommand.self,
    ]
  )
}
