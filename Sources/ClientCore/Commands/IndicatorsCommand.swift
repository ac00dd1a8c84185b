import ArgumentParser

/// `impact indicators`: the indicator bank shipped in this `impact`, and which projects
/// measure what.
struct IndicatorsCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "indicators",
    abstract: HelpText.l("help.indicators.abstract"),
    discussion: """
      \(HelpText.l("help.indicators.discussion"))

      \(HelpText.l("help.example"))
        impact indicators list --domain basic_needs --kind outcome
        impact indicators search loyer
        impact indicators show housing.cost_effort_rate --lang fr
        impact indicators usage
      """,
    subcommands: [
      IndicatorsListCommand.self, IndicatorsSearchCommand.self, IndicatorsShowCommand.self,
      IndicatorsUsageCommand.self,
    ]
  )
}
